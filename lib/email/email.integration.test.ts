// E-mail reminders through a real SMTP server started inside the test: a
// hearing reminder reaches its counsel and caseworker once, each in their
// own language, with the case code and no name; a notice is queued in the
// transaction of its change (and not when that rolls back); two servers
// sending at once send each message once; a refusing mail server leaves the
// message queued and retried with back-off, then failed for an
// administrator to retry; a daily digest gathers a user's reminders into
// one message at its hour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { startSmtpServer } from "@/tests/smtp";
import type { Actor } from "@/lib/policy";
import { db } from "@/lib/db";
import { addCalendarDays, bangkokInstant, todayInBangkok } from "@/lib/dates";
import { notify } from "@/lib/notifications/notify";
import { dueReminders, queueDueReminders, queueReminders } from "./reminders";
import { forgetOldMessages, KEEP_DONE_DAYS, MAX_ATTEMPTS, retryMessage, sendDueMessages } from "./send";
import { nextDigestTime } from "./outbox";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let teamId: string;
let caseworker: Actor;
let counsel: Actor;

const emailOf = async (user: Actor) => (await testDb.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).email;
const outboxOf = (user: Actor) => testDb.outboxMessage.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
const send = (now?: Date) => sendDueMessages({ transport: smtp.transport(), now });

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.WAYPOINT_URL = "https://waypoint.example.org";
  teamId = (await makeTeam("Reminders")).id;
  caseworker = await makeUser("CASEWORKER", teamId);
  counsel = await makeUser("LEGAL_OFFICER", teamId);
  await testDb.user.update({ where: { id: counsel.id }, data: { locale: "th" } });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.WAYPOINT_URL;
  await smtp.close();
});

async function caseWithHearingTomorrow(name: string) {
  const made = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: name } });
  const court = await testDb.court.create({ data: { name: `Court ${tag()}` } });
  const proceeding = await testDb.proceeding.create({ data: { caseId: made.id, type: "CRIMINAL", stage: "CHARGED" } });
  const tomorrow = addCalendarDays(todayInBangkok(), 1);
  await testDb.hearing.create({ data: { proceedingId: proceeding.id, courtId: court.id, counselId: counsel.id, purpose: "BAIL", startsAt: bangkokInstant(tomorrow, "09:30") } });
  return made;
}

describe("e-mail reminders", () => {
  it("a hearing tomorrow reaches counsel and caseworker once, each in their language, with the code and no name", async () => {
    const name = `Pham Thi Hoa ${tag()}`;
    const { code } = await caseWithHearingTomorrow(name);
    // The schedule looks many times a day; each reminder is queued once.
    await queueDueReminders();
    await queueDueReminders();
    expect((await outboxOf(counsel)).filter((m) => m.kind === "hearing-tomorrow")).toHaveLength(1);
    // Two servers send at the same moment.
    await Promise.all([send(), send()]);
    await send();

    const toCounsel = smtp.mailTo(await emailOf(counsel)).filter((mail) => mail.text.includes(code));
    expect(toCounsel).toHaveLength(1);
    expect(toCounsel[0].subject).toBe(`นัดพิจารณาพรุ่งนี้: ${code}`);
    expect(toCounsel[0].text).toContain("ประกันตัว"); // the hearing's purpose, in Thai
    expect(toCounsel[0].text).toContain(`https://waypoint.example.org/cases/${code}/proceedings`);
    expect(toCounsel[0].text).not.toContain("Pham");
    expect(toCounsel[0].messageId).toMatch(/@waypoint>$/);

    const toCaseworker = smtp.mailTo(await emailOf(caseworker)).filter((mail) => mail.text.includes(code));
    expect(toCaseworker).toHaveLength(1);
    expect(toCaseworker[0].subject).toBe(`Hearing tomorrow: ${code}`);
    expect(toCaseworker[0].text).toContain("Bail");
    expect(toCaseworker[0].text).not.toContain("Pham");
    expect((await outboxOf(counsel)).every((m) => m.status === "SENT" && m.sentAt)).toBe(true);
  });

  it("a case erased between reading the due reminders and queueing them is passed over; the others are queued", async () => {
    const kept = await caseWithHearingTomorrow(`Kept ${tag()}`);
    const erased = await caseWithHearingTomorrow(`Erased ${tag()}`);
    const now = new Date();
    const due = await dueReminders(now);
    expect(due.filter((n) => n.caseId === erased.id)).toHaveLength(2);
    await testDb.case.delete({ where: { id: erased.id } });
    await queueReminders(due, now);
    expect(await testDb.outboxMessage.count({ where: { caseId: kept.id, kind: "hearing-tomorrow" } })).toBe(2);
    expect(await testDb.outboxMessage.count({ where: { caseId: erased.id } })).toBe(0);
  });

  it("a deadline in three days and one passed are reminded of, naming the rule or just 'a task', never what a person typed", async () => {
    const made = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Deadline ${tag()}` } });
    const today = todayInBangkok();
    const soon = await testDb.task.create({ data: { caseId: made.id, title: "Call Mr Lee at the safe house", dueOn: new Date(`${addCalendarDays(today, 3)}T00:00:00Z`), origin: "PERSON" } });
    await testDb.task.create({ data: { caseId: made.id, title: "File the appeal", ruleKey: "rsd.appeal", dueOn: new Date(`${addCalendarDays(today, -2)}T00:00:00Z`), origin: "RULE" } });
    await queueDueReminders();
    await send();
    const mails = smtp.mailTo(await emailOf(caseworker)).filter((mail) => mail.text.includes(made.code));
    expect(mails.map((m) => m.subject).sort()).toEqual([`Deadline in 3 days: ${made.code}`, `Deadline passed: ${made.code}`]);
    const soonMail = mails.find((m) => m.subject.startsWith("Deadline in 3 days"))!;
    expect(soonMail.text).toContain("a task");
    expect(soonMail.text).not.toContain("safe house");
    expect(mails.find((m) => m.subject.startsWith("Deadline passed"))!.text).toContain("RSD appeal");
    expect(soon.id).toBeTruthy();
  });

  it("a notice is queued in the transaction of its change: rolled back, nothing; each supervisor as they chose", async () => {
    const immediate = await makeUser("SUPERVISOR", teamId);
    const daily = await makeUser("SUPERVISOR", teamId);
    const off = await makeUser("SUPERVISOR", teamId);
    await testDb.user.update({ where: { id: daily.id }, data: { emailReminders: "DAILY" } });
    await testDb.user.update({ where: { id: off.id }, data: { emailReminders: "OFF" } });
    const made = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Incident ${tag()}` } });
    const notices = [immediate, daily, off].map((s) => ({ userId: s.id, caseId: made.id, kind: "incident" }));

    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, notices);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await testDb.outboxMessage.count({ where: { caseId: made.id } })).toBe(0);

    const before = new Date();
    await db.$transaction((tx) => notify(tx, notices));
    const queued = await testDb.outboxMessage.findMany({ where: { caseId: made.id }, select: { userId: true, digest: true, nextAttemptAt: true } });
    expect(queued.map((q) => q.userId).sort()).toEqual([immediate.id, daily.id].sort());
    expect(queued.find((q) => q.userId === daily.id)!.digest).toBe(true);
    expect(queued.find((q) => q.userId === daily.id)!.nextAttemptAt).toEqual(nextDigestTime(before));
    // In-app notices for all three, e-mail or not.
    expect(await testDb.notification.count({ where: { caseId: made.id, kind: "incident" } })).toBe(3);
  });

  it("a refusing mail server leaves the message queued and retried with back-off; after the last attempt it waits for an administrator", async () => {
    const supervisor = await makeUser("SUPERVISOR", teamId);
    const made = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Refused ${tag()}` } });
    await db.$transaction((tx) => notify(tx, [{ userId: supervisor.id, caseId: made.id, kind: "incident" }]));
    const address = await emailOf(supervisor);
    const now = new Date();

    smtp.refuse(true);
    try {
      await send(now);
      let [message] = await outboxOf(supervisor);
      expect(message).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(message.lastError).toContain("451");
      expect(message.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
      // Not again before its time.
      await send(now);
      expect((await outboxOf(supervisor))[0].attempts).toBe(1);

      // The last attempt fails: FAILED, for an administrator.
      await testDb.outboxMessage.update({ where: { id: message.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
      await send(new Date(now.getTime() + 120_000));
      [message] = await outboxOf(supervisor);
      expect(message).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
      await send(new Date(now.getTime() + 24 * 3_600_000));
      expect((await outboxOf(supervisor))[0].status).toBe("FAILED");
      expect(smtp.mailTo(address)).toHaveLength(0);
    } finally {
      smtp.refuse(false);
    }

    const [failed] = await outboxOf(supervisor);
    expect(await retryMessage(db, failed.id)).toBe(true);
    expect(await retryMessage(db, failed.id)).toBe(false); // queued already: nothing to retry
    await Promise.all([send(), send()]);
    expect(smtp.mailTo(address)).toHaveLength(1);
    expect(smtp.mailTo(address)[0].subject).toBe(`Protection incident: ${made.code}`);
    expect((await outboxOf(supervisor))[0]).toMatchObject({ status: "SENT", lastError: null });
  });

  it("a daily digest gathers a user's reminders into one message at its hour", async () => {
    const supervisor = await makeUser("SUPERVISOR", teamId);
    await testDb.user.update({ where: { id: supervisor.id }, data: { emailReminders: "DAILY", locale: "vi" } });
    const first = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Digest one ${tag()}` } });
    const second = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Digest two ${tag()}` } });
    await db.$transaction((tx) => notify(tx, [first, second].map((c) => ({ userId: supervisor.id, caseId: c.id, kind: "incident" }))));
    const address = await emailOf(supervisor);

    await send();
    expect(smtp.mailTo(address)).toHaveLength(0);
    const hour = (await outboxOf(supervisor))[0].nextAttemptAt;
    await Promise.all([send(hour), send(hour)]);
    const mails = smtp.mailTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Waypoint: 2 lời nhắc");
    expect(mails[0].text).toContain(first.code);
    expect(mails[0].text).toContain(second.code);
    expect((await outboxOf(supervisor)).every((m) => m.status === "SENT")).toBe(true);
  });

  it("a message to someone deactivated since is not sent", async () => {
    const supervisor = await makeUser("SUPERVISOR", teamId);
    const made = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Gone ${tag()}` } });
    await db.$transaction((tx) => notify(tx, [{ userId: supervisor.id, caseId: made.id, kind: "incident" }]));
    await testDb.user.update({ where: { id: supervisor.id }, data: { active: false } });
    await send();
    expect((await outboxOf(supervisor))[0].status).toBe("CANCELLED");
    expect(smtp.mailTo(await emailOf(supervisor))).toHaveLength(0);
  });

  it("sent and cancelled messages are deleted after 90 days; failed ones wait for an administrator", async () => {
    const supervisor = await makeUser("SUPERVISOR", teamId);
    const old = new Date(Date.now() - (KEEP_DONE_DAYS + 1) * 24 * 3_600_000);
    for (const status of ["SENT", "CANCELLED", "FAILED"] as const) {
      await testDb.outboxMessage.create({ data: { userId: supervisor.id, kind: "incident", status, createdAt: old } });
    }
    await testDb.outboxMessage.create({ data: { userId: supervisor.id, kind: "incident", status: "SENT" } });
    await forgetOldMessages();
    expect((await outboxOf(supervisor)).map((m) => m.status).sort()).toEqual(["FAILED", "SENT"]);
  });
});
