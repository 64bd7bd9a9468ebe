import crypto from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb, openFor } from "@/tests/fixtures";
import { fileStore } from "@/lib/files/app-store";
import { listCases } from "@/lib/cases/queries";
import { parseCaseListParams } from "@/lib/cases/list-params";
import type { Actor } from "@/lib/policy";
import { ERASED_NAME, erasePerson, subjectAccessExport } from "./subject-requests";

const name = `Erasable Nguyễn ${tag()}`;
let supervisor: Actor;
let caseId: string;
let caseCode: string;
let personId: string;
let storageKey: string;
let teamId: string;
const copies: { referralNew: string; referralOld: string; merge: string; pendingBatch: string; reportBatch: string } = { referralNew: "", referralOld: "", merge: "", pendingBatch: "", reportBatch: "" };
const consents: string[] = [];
const content = Buffer.from(`%PDF-1.4 passport of ${name}`);

beforeAll(async () => {
  const team = await makeTeam("Subject requests");
  teamId = team.id;
  supervisor = await makeUser("SUPERVISOR", team.id);
  const created = await makeCase({ teamId: team.id, caseworkerId: supervisor.id, actorId: supervisor.id, principal: { latinName: name, unhcrNumber: "999-26C77777" } });
  caseId = created.id;
  caseCode = created.code;
  const person = await testDb.person.findFirstOrThrow({ where: { caseId } });
  personId = person.id;
  await testDb.person.update({ where: { id: personId }, data: { phone: "+66 81 234 5678", safeHouse: "House D", religion: "Christian" } });
  storageKey = crypto.randomUUID();
  await fileStore().put(storageKey, content);
  await testDb.document.create({
    data: { caseId, personId, type: "PASSPORT", fileName: "passport.pdf", contentType: "application/pdf", sizeBytes: content.length, sha256: crypto.createHash("sha256").update(content).digest("hex"), storageKey, uploadedById: supervisor.id },
  });
  // Copies of the person elsewhere (security finding 3): what referrals shared, what a merge kept, import rows.
  await testDb.note.create({ data: { caseId, authorId: supervisor.id, kind: "OTHER", body: "Confidential: the neighbour reported the uncle", confidential: true } });
  await testDb.note.create({ data: { caseId, authorId: supervisor.id, kind: "VISIT", body: "Home visit, all well" } });
  const partner = await testDb.partner.create({ data: { name: `Clinic ${tag()}`, services: ["MEDICAL"] } });
  // Consents carried over from referrals made before the consent model keep who consented in their note.
  const referral = async (shared: object, consentBy: string) => {
    const consent = await testDb.consent.create({ data: { caseId, personId, purpose: "REFERRAL", partnerId: partner.id, method: "WRITTEN", givenOn: new Date("2026-03-02"), note: `Recorded on the referral: given by ${consentBy}, for Care`, recordedById: supervisor.id } });
    consents.push(consent.id);
    return testDb.referral.create({ data: { caseId, partnerId: partner.id, service: "MEDICAL", reason: "Check-up", sections: ["household"], identifying: true, consentId: consent.id, shared, createdById: supervisor.id }, select: { id: true } });
  };
  copies.referralNew = (await referral({ code: caseCode, household: [{ personId, relationship: "PRINCIPAL", sex: "FEMALE", birthYear: 1980, nationality: "VN", name, unhcrNumber: "999-26C77777" }] }, name)).id;
  copies.referralOld = (await referral({ code: caseCode, household: [{ relationship: "PRINCIPAL", sex: "FEMALE", birthYear: 1980, nationality: "VN", name, unhcrNumber: "999-26C77777" }, { relationship: "CHILD", sex: "MALE", birthYear: 2015, nationality: "VN", name: "Someone Else Entirely" }] }, "A caseworker")).id;
  const mergedPersonId = crypto.randomUUID();
  copies.merge = (
    await testDb.caseMerge.create({
      data: { mergedCode: `WP-2099-${String(Math.floor(Math.random() * 900000) + 100000)}`, mergedCaseId: crypto.randomUUID(), survivingCaseId: caseId, mergedById: supervisor.id, record: { code: "old", people: [{ id: mergedPersonId, latinName: "Another Spelling", phone: "+66 81 234 5678", safeHouse: "House D" }], samePeople: [[mergedPersonId, personId]] } },
      select: { id: true },
    })
  ).id;
  copies.pendingBatch = (await testDb.importBatch.create({ data: { teamId, source: "Old register", fileName: "old.csv", rowsTotal: 2, createdById: supervisor.id, table: { headers: ["Name", "UNHCR"], rows: [[name, "999-26C77777"], ["Other Person", "111-11C11111"]] } }, select: { id: true } })).id;
  copies.reportBatch = (
    await testDb.importBatch.create({
      data: { teamId, source: "Old register", fileName: "old2.csv", status: "IMPORTED", rowsTotal: 3, createdById: supervisor.id, errorReport: `Name,UNHCR,Problem\r\n${name},999-26C77777,Possible duplicate\r\n"Other, Person",111,"Missing\nyear"\r\n` },
      select: { id: true },
    })
  ).id;
});

describe("data subject requests", () => {
  it("export everything about the person with their documents, audited", async () => {
    const result = await subjectAccessExport(await openFor(supervisor, caseCode), personId, "127.0.0.1");
    const files = unzipSync(result!.zip);
    const record = JSON.parse(strFromU8(files["person.json"]));
    expect(record.person).toMatchObject({ latinName: name, phone: "+66 81 234 5678", safeHouse: "House D", unhcrNumber: "999-26C77777" });
    expect(record.documents).toHaveLength(1);
    expect(record.documents[0].storageKey).toBeUndefined();
    const pdf = Object.entries(files).find(([path]) => path.startsWith("documents/"))!;
    expect(Buffer.from(pdf[1]).equals(content)).toBe(true);
    expect(await testDb.auditLog.count({ where: { action: "person.export", entityId: personId } })).toBe(1);
    // Only this person's data: no confidential notes, no staff, no network addresses.
    const json = strFromU8(files["person.json"]);
    expect(record.notes.map((n: { body: string }) => n.body)).toEqual(["Home visit, all well"]);
    expect(json).not.toContain("neighbour");
    expect(json).not.toContain(supervisor.id);
    expect(record.auditTrail.every((row: object) => !("ip" in row))).toBe(true);
  });

  it("erase every personal field and document, keep the household member, and audit it without the values", async () => {
    expect(await erasePerson(await openFor(supervisor, caseCode), personId, "Asked in writing on 20 November", "127.0.0.1")).toEqual({ documents: 1 });
    const person = await testDb.person.findUniqueOrThrow({ where: { id: personId } });
    expect(person).toMatchObject({ latinName: ERASED_NAME, nativeName: null, unhcrNumber: null, phone: null, safeHouse: null, religion: null, birthYear: null, searchText: "", relationship: "PRINCIPAL" });
    expect((await testDb.case.findUniqueOrThrow({ where: { id: caseId } })).principalName).toBe(ERASED_NAME);
    expect(await testDb.document.count({ where: { personId } })).toBe(0);
    await expect(fileStore().get(storageKey)).rejects.toThrow();
    expect((await listCases(supervisor, parseCaseListParams({ q: name.split(" ").at(-1)! }))).total).toBe(0);
    const erasure = await testDb.auditLog.findFirstOrThrow({ where: { action: "person.erase", entityId: personId } });
    expect(erasure.actorId).toBe(supervisor.id);
    expect(erasure.detail).toMatchObject({ reason: "Asked in writing on 20 November", documents: 1, copies: { referrals: 2, merges: 1, importRows: 2, consents: 2 } });
    // Every copy: what the partner was sent (entries found by id, or by name in older referrals), the merge's record, import rows.
    const shared = async (id: string) => (await testDb.referral.findUniqueOrThrow({ where: { id } }));
    expect(((await shared(copies.referralNew)).shared as { household: object[] }).household).toEqual([{ erased: true }]);
    const old = await shared(copies.referralOld);
    expect((old.shared as { household: object[] }).household).toEqual([{ erased: true }, expect.objectContaining({ name: "Someone Else Entirely" })]);
    const [theirs, others] = await Promise.all(consents.map((id) => testDb.consent.findUniqueOrThrow({ where: { id } })));
    expect(theirs.note).toBeNull();
    // The consent is theirs (the principal's) either way: its note goes too, the history (purpose, date) stays.
    expect(others.note).toBeNull();
    expect(others).toMatchObject({ purpose: "REFERRAL", method: "WRITTEN" });
    const merge = await testDb.caseMerge.findUniqueOrThrow({ where: { id: copies.merge } });
    expect(JSON.stringify(merge.record)).not.toMatch(/Another Spelling|House D|\+66/);
    const pending = await testDb.importBatch.findUniqueOrThrow({ where: { id: copies.pendingBatch } });
    expect((pending.table as { rows: string[][] }).rows).toEqual([["Other Person", "111-11C11111"]]);
    const report = (await testDb.importBatch.findUniqueOrThrow({ where: { id: copies.reportBatch } })).errorReport;
    expect(report).toBe(`Name,UNHCR,Problem\r\n"Other, Person",111,"Missing\nyear"\r\n`);
    // No audit row anywhere holds an erased value.
    const rows = await testDb.auditLog.findMany({ where: { caseId } });
    const text = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    for (const value of [name, "999-26C77777", "+66 81 234 5678", "House D"]) expect(text).not.toContain(value);
  });
});
