import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { recordAudit } from "@/lib/audit";
import { auditFilterSchema, browseAudit } from "./queries";

let supervisor: Actor;
let caseworker: Actor;
let admin: Actor;
let mine: { id: string; code: string };
let theirs: { id: string; code: string };

beforeAll(async () => {
  const team = await makeTeam("Audited");
  const other = await makeTeam("Elsewhere");
  supervisor = await makeUser("SUPERVISOR", team.id);
  caseworker = await makeUser("CASEWORKER", team.id);
  admin = await makeUser("ADMIN", null);
  const outsider = await makeUser("CASEWORKER", other.id);
  mine = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: "Audited Person" } });
  theirs = await makeCase({ teamId: other.id, caseworkerId: outsider.id, actorId: outsider.id, principal: { latinName: "Other Person" } });
  await testDb.$transaction(async (tx) => {
    await recordAudit(tx, { actorId: caseworker.id, action: "case.view", entity: "Case", entityId: mine.id, caseId: mine.id, ip: "10.0.0.1" });
    await recordAudit(tx, { actorId: outsider.id, action: "case.view", entity: "Case", entityId: theirs.id, caseId: theirs.id, ip: "10.0.0.2" });
    await recordAudit(tx, { actorId: caseworker.id, action: "login.failed", entity: "User", entityId: caseworker.id, ip: "10.0.0.3" });
  });
});

const filter = (raw: Record<string, string> = {}) => auditFilterSchema.parse(raw);

describe("browsing the audit log", () => {
  it("shows a supervisor their team's case entries and nothing of another team's", async () => {
    const page = await browseAudit(supervisor, filter(), "127.0.0.1");
    const codes = new Set(page!.rows.map((r) => r.code));
    expect(codes.has(mine.code)).toBe(true);
    expect(codes.has(theirs.code)).toBe(false);
    expect(page!.rows.every((r) => r.code !== null)).toBe(true); // sign-ins are not case entries
    const filtered = await browseAudit(supervisor, filter({ code: theirs.code }), "127.0.0.1");
    expect(filtered!.rows).toEqual([]);
  });

  it("shows an administrator sign-in events and no case activity; a caseworker nothing", async () => {
    const page = await browseAudit(admin, filter({ actor: caseworker.id }), "127.0.0.1");
    expect(page!.rows.map((r) => r.action)).toEqual(["login.failed"]);
    expect(await browseAudit(caseworker, filter(), "127.0.0.1")).toBeNull();
  });

  it("records each reading of the log", async () => {
    await browseAudit(supervisor, filter({ code: mine.code }), "127.0.0.1");
    const [row] = await testDb.auditLog.findMany({ where: { actorId: supervisor.id, action: "audit.view" }, orderBy: { id: "desc" }, take: 1 });
    expect(row.detail).toMatchObject({ code: mine.code });
  });

  it("ignores malformed filters instead of failing", () => {
    expect(filter({ code: "'; drop table", actor: "not-a-uuid", from: "2026-13-45", before: "x" })).toEqual({});
  });
});
