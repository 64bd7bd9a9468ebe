// The case pages' gate (openCaseForPage): staff read the case file in the
// gate's own statement, a guest only for a section their grant opens; the
// view's audit row is written before the page goes on; a case out of reach
// is never read.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { readWhileAuditing } from "@/lib/audit";
import { grantAccess } from "@/lib/grants/grants";
import { grantSchema } from "@/lib/grants/schema";
import { addCalendarDays, todayInBangkok } from "@/lib/dates";
import { openCaseForPage } from "./access";
import { getCaseFile } from "./case-file";

let caseworker: Actor;
let outsider: Actor;
let code: string;
let caseId: string;
let principal: string;

const views = (actor: Actor, action: string) => testDb.auditLog.findMany({ where: { actorId: actor.id, caseId, action }, select: { detail: true } });

beforeAll(async () => {
  const team = await makeTeam("Gate");
  caseworker = await makeUser("CASEWORKER", team.id);
  outsider = await makeUser("CASEWORKER", (await makeTeam("Elsewhere")).id);
  principal = `Gated ${tag()}`;
  ({ code, id: caseId } = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: principal } }));
});

describe("opening a case page", () => {
  it("hands back the access and the case file, as a separate read gives it, with the view audited once", async () => {
    const opened = await openCaseForPage(caseworker, code, "view", null, "overview");
    expect(opened.access).toMatchObject({ code, caseId, named: true, sections: null });
    expect(opened.file.people.map((p) => p.latinName)).toEqual([principal]);
    expect(opened.file).toEqual(await getCaseFile(opened.access));
    expect(await views(caseworker, "case.view")).toEqual([{ detail: { purpose: "view" } }]);
  });

  it("reads, for every kind of staff, the whole file Prisma's select reads, in one statement that also records the view", async () => {
    const team = await makeTeam("Whole file");
    const caseworkerOf = await makeUser("CASEWORKER", team.id);
    const counsel = await makeUser("LEGAL_OFFICER", team.id);
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const second = await makeUser("CASEWORKER", team.id);
    const made = await makeCase({ teamId: team.id, caseworkerId: caseworkerOf.id, actorId: caseworkerOf.id, principal: { latinName: `Whole ${tag()}`, nativeName: "전체" }, counselId: counsel.id });
    const kase = await testDb.case.findUniqueOrThrow({ where: { id: made.id }, select: { id: true, people: { select: { id: true } } } });
    await testDb.caseMember.create({ data: { caseId: kase.id, userId: second.id, role: "CASEWORKER", createdAt: new Date("2030-01-01T00:00:00Z") } });
    const child = await testDb.person.create({
      data: { caseId: kase.id, relationship: "CHILD", latinName: "Child Whole", birthDate: new Date("2015-06-01T00:00:00Z"), birthYear: 2015, sex: "MALE", nationality: "VN", aliases: ["Kid"], languages: ["vi", "th"], vulnerabilities: ["UNACCOMPANIED_MINOR"], searchText: "child whole", position: 1 },
    });
    const facility = await testDb.facility.create({ data: { name: `Whole IDC ${tag()}`, kind: "BANGKOK_IDC" } });
    await testDb.detentionEpisode.create({ data: { caseId: kase.id, personId: child.id, facilityId: facility.id, startedOn: new Date("2026-02-01T00:00:00Z"), sentenceEndsOn: new Date("2026-08-01T00:00:00Z") } });
    await testDb.detentionEpisode.create({ data: { caseId: kase.id, personId: kase.people[0].id, facilityId: facility.id, startedOn: new Date("2026-01-01T00:00:00Z") } });
    await testDb.detentionEpisode.create({ data: { caseId: kase.id, personId: kase.people[0].id, facilityId: facility.id, startedOn: new Date("2025-01-01T00:00:00Z"), releasedOn: new Date("2025-03-01T00:00:00Z") } });
    const today = todayInBangkok();
    for (const [title, days, done] of [["Later", 9, false], ["Sooner", 4, false], ["Done", 1, true]] as const) {
      await testDb.task.create({ data: { caseId: kase.id, title, origin: "PERSON", dueOn: new Date(`${addCalendarDays(today, days)}T00:00:00Z`), completedAt: done ? new Date() : null } });
    }
    const court = await testDb.court.create({ data: { name: `Whole Court ${tag()}`, names: { th: "ศาลทั้งหมด" } } });
    for (const [type, hoursAhead] of [["UNHCR_RSD", -48], ["UNHCR_RSD", 400], ["DEPORTATION_EXTRADITION", 30]] as const) {
      const proceeding = await testDb.proceeding.create({ data: { caseId: kase.id, type, stage: "REGISTERED" } });
      await testDb.hearing.create({ data: { proceedingId: proceeding.id, caseId: kase.id, courtId: court.id, startsAt: new Date(Date.now() + hoursAhead * 3600_000), purpose: "BAIL" } });
    }
    await testDb.case.update({ where: { id: kase.id }, data: { updatedById: supervisor.id, riskFlags: ["REFOULEMENT_RISK"] } });

    for (const reader of [caseworkerOf, counsel, supervisor, second]) {
      const opened = await openCaseForPage(reader, made.code, "view", "10.0.0.9", "overview");
      expect(opened.file).toEqual(await getCaseFile(opened.access));
      expect(await testDb.auditLog.findMany({ where: { actorId: reader.id, caseId: kase.id }, select: { action: true, entity: true, entityId: true, ip: true, fields: true, detail: true, hash: true } })).toEqual([
        { action: "case.view", entity: "Case", entityId: kase.id, ip: "10.0.0.9", fields: [], detail: { purpose: "view" }, hash: expect.any(String) },
      ]);
    }
    const file = (await openCaseForPage(supervisor, made.code, "edit", null, null)).file;
    expect(file.people.map((p) => [p.latinName, p.birthDate])).toEqual([[expect.stringContaining("Whole"), null], ["Child Whole", new Date("2015-06-01T00:00:00Z")]]);
    expect(file.detentions.map((d) => d.person.latinName)).toEqual([expect.stringContaining("Whole"), "Child Whole"]);
    expect(file.members.map((m) => m.user.id)).toEqual([counsel.id, second.id]);
    expect(file.nextDeadline?.title).toBe("Sooner");
    expect(file.nextHearing?.court.names).toEqual({ th: "ศาลทั้งหมด" });
    expect(file.nextHearing?.startsAt.getTime()).toBeGreaterThan(Date.now() + 29 * 3600_000);
    expect(file.journey).toMatchObject({ originCountry: "VN", transitCountries: ["KH"], updatedAt: expect.any(Date) });
    expect(file.updatedBy).toEqual({ name: supervisor.name });
  });

  it("reads nothing and records no view for staff the policy keeps out, a restricted case's team colleague among them", async () => {
    const team = await makeTeam("Kept out");
    const named = await makeUser("CASEWORKER", team.id);
    const colleague = await makeUser("CASEWORKER", team.id);
    const stranger = await makeUser("LEGAL_OFFICER", team.id);
    const admin = await makeUser("ADMIN", null);
    const restricted = await makeCase({ teamId: team.id, caseworkerId: named.id, actorId: named.id, principal: { latinName: `Kept ${tag()}` }, sensitivity: "RESTRICTED" });
    for (const reader of [colleague, stranger, admin]) {
      await expect(openCaseForPage(reader, restricted.code, "view", null, "overview")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
      expect(await testDb.auditLog.findMany({ where: { actorId: reader.id, caseId: restricted.id }, select: { action: true } })).toEqual([{ action: "case.refused" }]);
    }
    expect((await openCaseForPage(named, restricted.code, "view", null, "overview")).file.code).toBe(restricted.code);
  });

  it("counts a member named on the case as named, and someone who only may see it as not", async () => {
    const member = await makeUser("CASEWORKER", null);
    await testDb.caseMember.create({ data: { caseId, userId: member.id, role: "CASEWORKER" } });
    expect((await openCaseForPage(member, code, "edit", null, null)).access.named).toBe(true);
    expect(await views(member, "case.view")).toEqual([{ detail: { purpose: "edit" } }]);
    const colleague = { ...(await makeUser("SUPERVISOR", (await testDb.case.findUniqueOrThrow({ where: { id: caseId } })).teamId)) };
    expect((await openCaseForPage(colleague, code, "view", null, "overview")).access.named).toBe(false);
  });

  it("answers 404 for a case out of reach, audits the attempt and views nothing", async () => {
    await expect(openCaseForPage(outsider, code, "view", null, "overview")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(await views(outsider, "case.view")).toEqual([]);
    expect(await views(outsider, "case.refused")).toHaveLength(1);
  });

  it("opens to a guest only the sections their grant opens, with the file's other parts left unread", async () => {
    const teamId = (await testDb.case.findUniqueOrThrow({ where: { id: caseId } })).teamId;
    const guest = await makeUser("GUEST", teamId);
    const supervisor = await makeUser("SUPERVISOR", teamId);
    const today = todayInBangkok();
    await testDb.task.create({ data: { caseId, title: "File the appeal", origin: "PERSON", dueOn: new Date(`${addCalendarDays(today, 3)}T00:00:00Z`) } });
    await grantAccess(await openFor(supervisor, code), grantSchema.parse({ userId: guest.id, sections: ["overview"], startsOn: today, endsOn: addCalendarDays(today, 1), reason: "Interpreting" }), null);
    const opened = await openCaseForPage(guest, code, "view", null, "overview");
    expect(opened.access.sections).toEqual(["overview"]);
    expect(opened.file.sections).toEqual(["overview"]);
    expect(opened.file.nextDeadline).toBeNull();
    expect((await openCaseForPage(caseworker, code, "view", null, "overview")).file.nextDeadline?.title).toBe("File the appeal");
    await expect(openCaseForPage(guest, code, "view", null, "tasks")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(openCaseForPage(guest, code, "edit", null, null)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("a read beside its audit row (readWhileAuditing)", () => {
  it("fails when the audit write fails, even if the read succeeded, and waits for the read first", async () => {
    let readFinished = false;
    const read = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      readFinished = true;
      return "rows";
    };
    await expect(readWhileAuditing(read, Promise.reject(new Error("audit write failed")))).rejects.toThrow("audit write failed");
    expect(readFinished).toBe(true);
    await expect(readWhileAuditing(read, Promise.resolve())).resolves.toBe("rows");
  });

  it("passes on a read that throws before it awaits anything", async () => {
    const read = (): Promise<string> => {
      throw new Error("refused at once");
    };
    await expect(readWhileAuditing(read, Promise.resolve())).rejects.toThrow("refused at once");
  });
});
