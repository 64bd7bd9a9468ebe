import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, testDb, openFor } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { readProtectedDetails } from "./protected";
import { caseOverview } from "@/lib/cases/overview";

let caseId: string;
let caseCode: string;
let personId: string;
let assigned: Actor;
let colleague: Actor;
let supervisor: Actor;
let counsel: Actor;

beforeAll(async () => {
  const team = await makeTeam("Protected");
  assigned = await makeUser("CASEWORKER", team.id);
  colleague = await makeUser("CASEWORKER", team.id);
  supervisor = await makeUser("SUPERVISOR", team.id);
  counsel = await makeUser("LEGAL_OFFICER", team.id);
  const created = await makeCase({ teamId: team.id, caseworkerId: assigned.id, actorId: assigned.id, counselId: counsel.id, principal: { latinName: "Protected Person" } });
  caseId = created.id;
  caseCode = created.code;
  const person = await testDb.person.findFirstOrThrow({ where: { caseId } });
  personId = person.id;
  await testDb.person.update({ where: { id: personId }, data: { religion: "Christian", phone: "+66 81 000 0000", address: "12 Soi Example, Bangkok", safeHouse: "House B, second floor" } });
});

async function seen(actor: Actor) {
  const details = await readProtectedDetails(await openFor(actor, caseCode), "127.0.0.1");
  return details.byPerson.get(personId) ?? {};
}

describe("protected details", () => {
  it("are read field by field as the policy allows", async () => {
    expect(await seen(assigned)).toEqual({ religion: "Christian", phone: "+66 81 000 0000", address: "12 Soi Example, Bangkok", safeHouse: "House B, second floor" });
    expect(await seen(supervisor)).toEqual({ religion: "Christian", phone: "+66 81 000 0000", address: "12 Soi Example, Bangkok", safeHouse: "House B, second floor" });
    // A colleague in the team who is not named on the case never learns the safe house.
    expect(await seen(colleague)).toEqual({ religion: "Christian", phone: "+66 81 000 0000", address: "12 Soi Example, Bangkok" });
    // Counsel needs religion (the ground of the claim) and a phone number, not where the family lives.
    expect(await seen(counsel)).toEqual({ religion: "Christian", phone: "+66 81 000 0000" });
  });

  it("audits each read with the fields shown, never their values", async () => {
    await seen(counsel);
    const [row] = await testDb.auditLog.findMany({ where: { actorId: counsel.id, action: "person.protected-view" }, orderBy: { id: "desc" }, take: 1 });
    expect(row.fields).toEqual(["religion", "phone"]);
    expect(JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain("Christian");
  });

  it("read with the case file's overview are the same, and audited the same, once", async () => {
    for (const actor of [assigned, colleague, supervisor, counsel]) {
      const access = await openFor(actor, caseCode);
      const before = await testDb.auditLog.count({ where: { actorId: actor.id, action: "person.protected-view" } });
      const { protectedDetails } = await caseOverview(access, actor, null, "127.0.0.1");
      expect(protectedDetails).toEqual(await readProtectedDetails(access, "127.0.0.1"));
      const rows = await testDb.auditLog.findMany({ where: { actorId: actor.id, action: "person.protected-view" }, orderBy: { id: "desc" }, take: 2 });
      expect(await testDb.auditLog.count({ where: { actorId: actor.id, action: "person.protected-view" } })).toBe(before + 2);
      expect(rows[0].fields).toEqual(rows[1].fields);
    }
    // Someone who may read none of them reads nothing, and nothing is audited.
    const admin = await makeUser("ADMIN", null);
    expect((await readProtectedDetails({ ...(await openFor(supervisor, caseCode)), actor: admin }, null)).fields).toEqual([]);
  });
});
