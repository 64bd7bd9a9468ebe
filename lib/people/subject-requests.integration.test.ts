import crypto from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb, openFor } from "@/tests/fixtures";
import { fileStore } from "@/lib/files/store";
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
const content = Buffer.from(`%PDF-1.4 passport of ${name}`);

beforeAll(async () => {
  const team = await makeTeam("Subject requests");
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
    expect(erasure.detail).toMatchObject({ reason: "Asked in writing on 20 November", documents: 1 });
    // No audit row anywhere holds an erased value.
    const rows = await testDb.auditLog.findMany({ where: { caseId } });
    const text = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    for (const value of [name, "999-26C77777", "+66 81 234 5678", "House D"]) expect(text).not.toContain(value);
  });
});
