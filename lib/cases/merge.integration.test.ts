import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb, openFor } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { mergeCases, survivorOf } from "./merge";
import { browseAudit } from "@/lib/audit-log/queries";

let supervisor: Actor;
let caseworker: Actor;
let teamId: string;

beforeAll(async () => {
  teamId = (await makeTeam("Merge")).id;
  supervisor = await makeUser("SUPERVISOR", teamId);
  caseworker = await makeUser("CASEWORKER", teamId);
});

/** A case with one of every kind of record, on its principal where a person is named. */
async function caseWithEverything(name: string) {
  const created = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: name, unhcrNumber: "" } });
  const caseId = created.id;
  const person = await testDb.person.findFirstOrThrow({ where: { caseId } });
  const child = await testDb.person.create({ data: { caseId, relationship: "CHILD", latinName: `${name} junior`, nationality: "VN", searchText: "", position: 1 } });
  const facility = await testDb.facility.create({ data: { name: `IDC ${tag()}`, kind: "BANGKOK_IDC" } });
  const court = await testDb.court.create({ data: { name: `Court ${tag()}` } });
  const partner = await testDb.partner.create({ data: { name: `Clinic ${tag()}`, services: ["MEDICAL"] } });
  await testDb.note.create({ data: { caseId, authorId: caseworker.id, kind: "VISIT", body: `Visit to ${name}` } });
  const proceeding = await testDb.proceeding.create({ data: { caseId, type: "UNHCR_RSD", stage: "REGISTERED" } });
  await testDb.stageChange.create({ data: { proceedingId: proceeding.id, toStage: "REGISTERED", reason: "Opened", occurredOn: new Date("2026-01-05"), actorId: caseworker.id } });
  await testDb.task.create({ data: { caseId, proceedingId: proceeding.id, title: "Renew certificate", dueOn: new Date("2026-12-01"), origin: "PERSON" } });
  await testDb.hearing.create({ data: { proceedingId: proceeding.id, courtId: court.id, startsAt: new Date("2026-12-10T03:00:00Z"), purpose: "FIRST_HEARING" } });
  await testDb.detentionEpisode.create({ data: { caseId, personId: person.id, facilityId: facility.id, startedOn: new Date("2026-02-01") } });
  const fine = await testDb.fine.create({ data: { caseId, personId: person.id, amountMinor: 400000, imposedOn: new Date("2026-02-02") } });
  await testDb.finePayment.create({ data: { fineId: fine.id, amountMinor: 100000, payer: "NGO", paidOn: new Date("2026-02-03") } });
  await testDb.expense.create({ data: { caseId, personId: child.id, category: "MEDICAL", description: "Clinic", amountMinor: 50000, payer: "NGO", incurredOn: new Date("2026-02-04") } });
  await testDb.document.create({
    data: { caseId, personId: person.id, type: "PASSPORT", fileName: "p.pdf", contentType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), storageKey: `merge-${tag()}`, uploadedById: caseworker.id },
  });
  await testDb.protectionIncident.create({ data: { caseId, occurredOn: new Date("2026-03-01"), kind: "THREAT", severity: "HIGH", description: "Call" } });
  await testDb.closureRequest.create({ data: { caseId, requestedById: caseworker.id, reason: "Departed", status: "RETURNED" } });
  await testDb.referral.create({ data: { caseId, partnerId: partner.id, service: "MEDICAL", reason: "Check-up", sections: ["household"], overrideReason: "Emergency admission", shared: {}, createdById: caseworker.id } });
  await testDb.notification.create({ data: { userId: supervisor.id, caseId, kind: "incident" } });
  await testDb.auditLog.create({ data: { actorId: caseworker.id, action: "case.update", entity: "Case", entityId: caseId, caseId } });
  return testDb.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, code: true, version: true } });
}

const CHILDREN = ["notes", "proceedings", "tasks", "detentions", "fines", "expenses", "documents", "incidents", "closureRequests", "referrals", "notifications", "people"] as const;
async function childCounts(caseId: string) {
  const c = await testDb.case.findUniqueOrThrow({ where: { id: caseId }, select: { _count: { select: Object.fromEntries(CHILDREN.map((k) => [k, true])) as Record<(typeof CHILDREN)[number], true> } } });
  return c._count as Record<string, number>;
}

describe("merging two cases", () => {
  it("keeps every child record, re-points the merged principal's records, and keeps the chosen values", async () => {
    const survivor = await caseWithEverything(`Nguyen Van Minh ${tag()}`);
    const merged = await caseWithEverything(`Nguyễn Văn Minh ${tag()}`);
    await testDb.person.updateMany({ where: { caseId: merged.id, relationship: "PRINCIPAL" }, data: { unhcrNumber: "811-26C00001", phone: "+66 81 000 0001" } });
    const before = [await childCounts(survivor.id), await childCounts(merged.id)];
    const mergedPeople = await testDb.person.findMany({ where: { caseId: merged.id }, orderBy: { position: "asc" } });
    const survivorPeople = await testDb.person.findMany({ where: { caseId: survivor.id }, orderBy: { position: "asc" } });

    await mergeCases(
      await openFor(supervisor, survivor.code),
      await openFor(supervisor, merged.code),
      {
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
        fromMerged: new Set(["principal.unhcrNumber", "principal.latinName"]),
        // The child is the same child, registered twice.
        samePerson: new Map([[mergedPeople[1].id, survivorPeople[1].id]]),
      },
      null,
    );

    const after = await childCounts(survivor.id);
    for (const key of CHILDREN) {
      // Two principals became one, and the paired children became one.
      const expected = key === "people" ? before[0].people : before[0][key] + before[1][key];
      expect(after[key], key).toBe(expected);
    }
    expect(await testDb.case.count({ where: { id: merged.id } })).toBe(0);
    const principal = await testDb.person.findFirstOrThrow({ where: { caseId: survivor.id, relationship: "PRINCIPAL" } });
    expect(principal).toMatchObject({ latinName: mergedPeople[0].latinName, unhcrNumber: "811-26C00001", phone: "+66 81 000 0001" });
    // The name not chosen is kept as an alias; the merged principal's detention, fine and passport are now the survivor's.
    expect(principal.aliases).toContain(survivorPeople[0].latinName);
    expect(await testDb.detentionEpisode.count({ where: { personId: principal.id } })).toBe(2);
    expect(await testDb.document.count({ where: { personId: principal.id } })).toBe(2);
    expect(await testDb.expense.count({ where: { personId: survivorPeople[1].id } })).toBe(2);
    expect(await testDb.finePayment.count({ where: { fine: { caseId: survivor.id } } })).toBe(2);
    expect(await testDb.hearing.count({ where: { proceeding: { caseId: survivor.id } } })).toBe(2);
    expect(await testDb.stageChange.count({ where: { proceeding: { caseId: survivor.id } } })).toBe(2);
    const updated = await testDb.case.findUniqueOrThrow({ where: { id: survivor.id }, select: { householdSize: true, principalName: true } });
    expect(updated).toEqual({ householdSize: 2, principalName: mergedPeople[0].latinName });
    // The merged code leads to the survivor; the merged case's values are kept; the merge is audited under both ids.
    expect(await survivorOf(merged.code)).toEqual({ id: survivor.id, code: survivor.code });
    const record = await testDb.caseMerge.findUniqueOrThrow({ where: { mergedCode: merged.code } });
    expect((record.record as { people: { latinName: string }[] }).people.map((p) => p.latinName)).toEqual(mergedPeople.map((p) => p.latinName));
    expect(await testDb.auditLog.count({ where: { action: "case.merge", caseId: { in: [survivor.id, merged.id] } } })).toBe(2);
    // The supervisor's audit log shows the merged case's entries under the survivor; its old code finds them alone.
    const bySurvivor = await browseAudit(supervisor, { code: survivor.code, action: "case.update" }, null);
    expect(bySurvivor?.rows.map((r) => r.code)).toEqual([survivor.code, survivor.code]);
    const byMerged = await browseAudit(supervisor, { code: merged.code, action: "case.update" }, null);
    expect(byMerged?.rows.map((r) => r.code)).toEqual([survivor.code]);
  });

  it("refuses a stale form and changes nothing", async () => {
    const survivor = await caseWithEverything(`Tran Thi Hoa ${tag()}`);
    const merged = await caseWithEverything(`Tran Thi Hoa ${tag()}`);
    await testDb.case.update({ where: { id: merged.id }, data: { version: { increment: 1 }, updatedById: caseworker.id } });
    await expect(
      mergeCases(await openFor(supervisor, survivor.code), await openFor(supervisor, merged.code), { survivorVersion: survivor.version, mergedVersion: merged.version, fromMerged: new Set(), samePerson: new Map() }, null),
    ).rejects.toThrow("conflict");
    expect(await childCounts(merged.id)).toMatchObject({ notes: 1, people: 2 });
  });

  it("passes earlier merges on: a code merged into the merged case leads to the new survivor", async () => {
    const a = await caseWithEverything(`Pao Vang ${tag()}`);
    const b = await caseWithEverything(`Pao Vang ${tag()}`);
    const c = await caseWithEverything(`Vang Pao ${tag()}`);
    const empty = { fromMerged: new Set<string>(), samePerson: new Map<string, string>() };
    await mergeCases(await openFor(supervisor, b.code), await openFor(supervisor, a.code), { ...empty, survivorVersion: b.version, mergedVersion: a.version }, null);
    const bNow = await testDb.case.findUniqueOrThrow({ where: { id: b.id }, select: { version: true } });
    await mergeCases(await openFor(supervisor, c.code), await openFor(supervisor, b.code), { ...empty, survivorVersion: c.version, mergedVersion: bNow.version }, null);
    expect((await survivorOf(a.code))?.code).toBe(c.code);
    expect((await survivorOf(b.code))?.code).toBe(c.code);
  });

  // Security finding 4: merging a restricted case into a standard one made it standard by default.
  it("keeps the higher sensitivity unless the supervisor says why not, and audits a lowering", async () => {
    const pair = async () => {
      const survivor = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Ly Sao ${tag()}` } });
      const merged = await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Ly Sao ${tag()}` }, sensitivity: "RESTRICTED" });
      const versions = async () => ({
        survivorVersion: (await testDb.case.findUniqueOrThrow({ where: { id: survivor.id } })).version,
        mergedVersion: (await testDb.case.findUniqueOrThrow({ where: { id: merged.id } })).version,
      });
      const merge = async (extra: { fromMerged?: Set<string>; sensitivityReason?: string }) =>
        mergeCases(await openFor(supervisor, survivor.code), await openFor(supervisor, merged.code), { fromMerged: new Set(), samePerson: new Map(), ...(await versions()), ...extra }, null);
      return { survivor, merged, merge };
    };
    // The survivor's "Standard" without a reason: refused, nothing merged.
    const first = await pair();
    await expect(first.merge({})).rejects.toMatchObject({ key: "sensitivityLowerReason", field: "sensitivityReason" });
    expect(await testDb.case.count({ where: { id: first.merged.id } })).toBe(1);
    // The higher one chosen: restricted.
    await first.merge({ fromMerged: new Set(["sensitivity"]) });
    expect((await testDb.case.findUniqueOrThrow({ where: { id: first.survivor.id } })).sensitivity).toBe("RESTRICTED");
    // Lowered with a reason: kept, and the reason is in the audit row.
    const second = await pair();
    await second.merge({ sensitivityReason: "Restriction was for a threat that ended in 2024" });
    expect((await testDb.case.findUniqueOrThrow({ where: { id: second.survivor.id } })).sensitivity).toBe("STANDARD");
    const [row] = await testDb.auditLog.findMany({ where: { action: "case.merge", entityId: second.survivor.id } });
    expect(row.detail).toMatchObject({ sensitivityLowered: { from: "RESTRICTED", to: "STANDARD", reason: "Restriction was for a threat that ended in 2024" } });
  });
});
