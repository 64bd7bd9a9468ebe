import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { fileStore } from "@/lib/files/app-store";
import { dashboardFigures } from "@/lib/dashboard/figures";
import { placeHold } from "@/lib/holds/holds";
import { previewRetention, runRetention } from "./run";
import { runIfDue } from "./schedule";
import { ANONYMISED_NAME } from "./anonymise-case";

// The clock is controlled: cases are closed at chosen dates long ago, and
// runs are made "at" chosen moments, so nothing another test made recently
// is ever within reach of the rules set here.
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const now = new Date();
const yearsAgo = (years: number) => new Date(now.getTime() - years * YEAR_MS);

let supervisor: Actor;
let teamId: string;

async function closedCase(name: string, closedYearsAgo: number) {
  const created = await makeCase({ teamId, caseworkerId: supervisor.id, actorId: supervisor.id, principal: { latinName: name, unhcrNumber: `999-${tag()}` } });
  await testDb.$executeRaw`update "Case" set status = 'CLOSED', "closedAt" = ${yearsAgo(closedYearsAgo)} where id = ${created.id}::uuid`;
  const person = await testDb.person.findFirstOrThrow({ where: { caseId: created.id } });
  await testDb.person.update({ where: { id: person.id }, data: { phone: "+66 81 000 0000", address: "12 Soi Example", birthDate: new Date("1980-04-02") } });
  await testDb.note.create({ data: { caseId: created.id, authorId: supervisor.id, kind: "VISIT", body: `Visited ${name} at the safe house` } });
  const content = Buffer.from(`passport of ${name}`);
  const storageKey = crypto.randomUUID();
  await fileStore().put(storageKey, content);
  await testDb.document.create({
    data: { caseId: created.id, personId: person.id, type: "PASSPORT", fileName: "passport.pdf", contentType: "application/pdf", sizeBytes: content.length, sha256: crypto.createHash("sha256").update(content).digest("hex"), storageKey, uploadedById: supervisor.id },
  });
  return { ...created, personId: person.id, storageKey };
}

async function setRule(kind: string, months: number, action: "ANONYMISE" | "DELETE", active = true) {
  await testDb.retentionRule.upsert({ where: { kind }, create: { kind, months, action, active }, update: { months, action, active } });
}

beforeAll(async () => {
  teamId = (await makeTeam("Retention")).id;
  supervisor = await makeUser("SUPERVISOR", teamId);
});

afterAll(async () => {
  await testDb.retentionRule.deleteMany({});
});

describe("the retention run (issue 14, items 1 and 3)", () => {
  it("anonymises a case closed long enough ago, keeps every figure, leaves a held case alone, does what the preview said, and runs once at a time", async () => {
    const old = await closedCase(`Retained ${tag()}`, 7);
    const held = await closedCase(`Held ${tag()}`, 7);
    const recent = await closedCase(`Recent ${tag()}`, 1);
    await placeHold(await openFor(supervisor, held.code), "Litigation against the IDC", { ip: null });
    await setRule("closedCases", 72, "ANONYMISE");

    // Five years after the old case closed, six years have not passed: nothing is due.
    const early = await previewRetention(yearsAgo(2));
    expect(early.find((p) => p.kind === "closedCases")?.codes).not.toContain(old.code);

    const period = { from: "2000-01-01", to: "2030-12-31" };
    const before = await dashboardFigures([teamId], period);
    const preview = (await previewRetention(now)).find((p) => p.kind === "closedCases")!;
    expect(preview.codes).toContain(old.code);
    expect(preview.codes).not.toContain(held.code);
    expect(preview.codes).not.toContain(recent.code);

    // Two runs at once: one works, the other finds the lock taken and does nothing.
    const [first, second] = await Promise.all([runRetention({ now }), runRetention({ now })]);
    const results = [first, second];
    expect(results.filter((r) => r?.status === "done")).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const runId = results.find((r) => r)!.runId;

    // The deletion record says what the preview said.
    const item = await testDb.retentionRunItem.findFirstOrThrow({ where: { runId, kind: "closedCases" } });
    expect(item).toMatchObject({ action: "ANONYMISE", months: 72, count: preview.count });
    expect(item.codes).toEqual(preview.codes);
    expect(await testDb.retentionRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "done" });

    // Anonymised: no name, number, contact, note text or document; the counts stay.
    const person = await testDb.person.findUniqueOrThrow({ where: { id: old.personId } });
    expect(person).toMatchObject({ latinName: ANONYMISED_NAME, unhcrNumber: null, phone: null, address: null, birthDate: null, searchText: "", sex: "FEMALE", birthYear: 1980, nationality: "VN" });
    const anonymised = await testDb.case.findUniqueOrThrow({ where: { id: old.id }, include: { notes: true, documents: true } });
    expect(anonymised).toMatchObject({ principalName: ANONYMISED_NAME, status: "CLOSED", householdSize: 1 });
    expect(anonymised.anonymisedAt).not.toBeNull();
    expect(anonymised.notes.map((n) => n.body)).toEqual([""]);
    expect(anonymised.documents).toEqual([]);
    await expect(fileStore().get(old.storageKey)).rejects.toThrow();
    expect(await dashboardFigures([teamId], period)).toEqual(before);

    // The held case and the recent one are as they were.
    for (const kept of [held, recent]) {
      const row = await testDb.case.findUniqueOrThrow({ where: { id: kept.id }, include: { documents: true } });
      expect(row.anonymisedAt).toBeNull();
      expect(row.principalName).not.toBe(ANONYMISED_NAME);
      expect(row.documents).toHaveLength(1);
    }

    // Audited per case; a second run has nothing left to do.
    expect(await testDb.auditLog.count({ where: { caseId: old.id, action: "retention.anonymise", entityId: runId } })).toBe(1);
    const again = await runRetention({ now });
    expect((await testDb.retentionRunItem.findFirstOrThrow({ where: { runId: again!.runId, kind: "closedCases" } })).codes).not.toContain(old.code);
  });

  it("deletes what a delete rule reaches, and keeps the deletion record from the application's role", async () => {
    const gone = await closedCase(`Deleted ${tag()}`, 12);
    await setRule("closedCases", 120, "DELETE");
    const result = await runRetention({ now });
    expect(await testDb.case.findUnique({ where: { id: gone.id } })).toBeNull();
    const item = await testDb.retentionRunItem.findFirstOrThrow({ where: { runId: result!.runId, kind: "closedCases" } });
    expect(item.codes).toContain(gone.code);
    // The application's own database account cannot remove the record.
    const app = new pg.Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
    await app.connect();
    try {
      const refused = (sql: string) => app.query(sql, [result!.runId]).then(() => "allowed", (error: { code?: string }) => error.code);
      expect(await refused(`delete from "RetentionRunItem" where "runId" = $1`)).toBe("42501");
      expect(await refused(`delete from "RetentionRun" where id = $1`)).toBe("42501");
    } finally {
      await app.end();
    }
    await setRule("closedCases", 72, "ANONYMISE", false);
  });

  it("clears old uploads, notifications and sign-in records; none of these name a case", async () => {
    const batch = await testDb.importBatch.create({ data: { teamId, source: "old register", fileName: "kim-family.xlsx", table: { headers: ["name"], rows: [["Kim"]] }, rowsTotal: 1, errorReport: "row,name\r\n1,Kim\r\n", createdById: supervisor.id, createdAt: yearsAgo(1) } });
    const notification = await testDb.notification.create({ data: { userId: supervisor.id, kind: "incident", createdAt: yearsAgo(2) } });
    const session = await testDb.session.create({ data: { userId: supervisor.id, createdAt: yearsAgo(3), lastSeenAt: yearsAgo(3), endedAt: yearsAgo(3), endReason: "signed-out" } });
    const fresh = await testDb.session.create({ data: { userId: supervisor.id } });
    await setRule("imports", 3, "ANONYMISE");
    await setRule("notifications", 12, "DELETE");
    await setRule("signInRecords", 24, "DELETE");
    const result = await runRetention({ now });
    expect(await testDb.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ fileName: "", table: null, errorReport: null, rowsTotal: 1 });
    expect(await testDb.notification.findUnique({ where: { id: notification.id } })).toBeNull();
    expect(await testDb.session.findUnique({ where: { id: session.id } })).toBeNull();
    expect(await testDb.session.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    const items = await testDb.retentionRunItem.findMany({ where: { runId: result!.runId } });
    expect(items.every((i) => i.codes.length === 0)).toBe(true);
    expect(items.find((i) => i.kind === "imports")!.count).toBeGreaterThanOrEqual(1);
    await testDb.retentionRule.deleteMany({});
  });

  it("deletes documents and anonymises notes of cases closed long enough, and hides what old received referrals shared", async () => {
    const closed = await closedCase(`Papers ${tag()}`, 3);
    const partnerTeam = await makeTeam("Receiving");
    const partner = await testDb.partner.create({ data: { name: `Shelter ${tag()}`, services: ["SHELTER"], teamId: partnerTeam.id } });
    const referral = await testDb.referral.create({
      data: { caseId: closed.id, partnerId: partner.id, service: "SHELTER", reason: "Shelter", sections: ["household"], overrideReason: "Emergency placement", shared: { household: [{ name: "x" }] }, createdById: supervisor.id },
    });
    await testDb.$executeRaw`update "Referral" set "updatedAt" = ${yearsAgo(2)} where id = ${referral.id}::uuid`;
    await setRule("documents", 12, "DELETE");
    await setRule("notes", 24, "ANONYMISE");
    await setRule("referralsReceived", 12, "ANONYMISE");
    const result = await runRetention({ now });
    const after = await testDb.case.findUniqueOrThrow({ where: { id: closed.id }, include: { documents: true, notes: true } });
    expect(after.documents).toEqual([]);
    expect(after.notes.map((n) => [n.kind, n.body])).toEqual([["VISIT", ""]]);
    // The case itself is not anonymised by these rules: its people keep their names.
    expect(after.anonymisedAt).toBeNull();
    expect(await testDb.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ shared: {}, sharedRemovedBecause: "retention" });
    const items = await testDb.retentionRunItem.findMany({ where: { runId: result!.runId }, orderBy: { kind: "asc" } });
    expect(items.map((i) => [i.kind, i.codes.includes(closed.code)])).toEqual([
      ["documents", true],
      ["notes", true],
      ["referralsReceived", true],
    ]);
    await testDb.retentionRule.deleteMany({});
  });

  it("takes the audit log by whole months, recorded as the months dropped", async () => {
    await setRule("auditLog", 84, "DELETE");
    const result = await runRetention({ now });
    const item = await testDb.retentionRunItem.findFirstOrThrow({ where: { runId: result!.runId, kind: "auditLog" } });
    // No month of this database is seven years old: nothing goes, and the record says so.
    expect(item).toMatchObject({ count: 0, detail: { months: [] } });
    expect(item.cutoff.getUTCDate()).toBe(1);
    expect(item.cutoff.getUTCHours()).toBe(0);
    await testDb.retentionRule.deleteMany({});
  });

  it("runs the nightly schedule once per Bangkok day, and not before 02:00", async () => {
    await testDb.retentionRun.deleteMany({ where: { day: { not: null } } });
    const day = "2031-03-04";
    expect(await runIfDue(new Date("2031-03-03T18:30:00Z"))).toBeNull(); // 01:30 in Bangkok
    const atThree = new Date("2031-03-03T20:00:00Z"); // 03:00 in Bangkok
    const [a, b] = await Promise.all([runIfDue(atThree), runIfDue(atThree)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await runIfDue(new Date("2031-03-04T10:00:00Z"))).toBeNull();
    expect(await testDb.retentionRun.count({ where: { day: new Date(`${day}T00:00:00Z`) } })).toBe(1);
  });
});
