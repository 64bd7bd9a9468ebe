import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { recordAudit, type AuditAction } from "@/lib/audit";
import { auditFilterSchema, browseAudit } from "./queries";
import { ROWS_PER_PAGE } from "@/lib/paging";

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

  it("shows an organisation-wide supervisor the entries of every team's cases, and a supervisor of no team none", async () => {
    const director = { ...(await makeUser("SUPERVISOR", null)), organisationWide: true };
    for (const code of [mine.code, theirs.code]) expect((await browseAudit(director, filter({ code }), "127.0.0.1"))!.rows.map((r) => r.code)).toContain(code);
    const teamless = await makeUser("SUPERVISOR", null);
    expect((await browseAudit(teamless, filter({ code: mine.code }), "127.0.0.1"))!.rows).toEqual([]);
  });

  it("finds a case's entries by its code, with those of a case merged into it, and by the merged case's old code", async () => {
    const team = (await testDb.case.findUniqueOrThrow({ where: { id: mine.id }, select: { teamId: true } })).teamId;
    const survivor = await makeCase({ teamId: team, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: "Surviving Person" } });
    const merged = await makeCase({ teamId: team, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: "Merged Person" } });
    await recordAudit(testDb, { actorId: caseworker.id, action: "case.update", entity: "Case", entityId: merged.id, caseId: merged.id, fields: ["principalName"] });
    // Merged: the old case is gone, its history stays under the survivor.
    await testDb.caseMerge.create({ data: { mergedCode: merged.code, mergedCaseId: merged.id, survivingCaseId: survivor.id, mergedById: supervisor.id, record: {} } });
    await testDb.case.delete({ where: { id: merged.id } });
    const ofMerged = (rows: { action: string; entity: string; fields: string[] }[]) => rows.filter((r) => r.action === "case.update" && r.fields.includes("principalName"));
    const bySurvivor = await browseAudit(supervisor, filter({ code: survivor.code }), "127.0.0.1");
    expect(ofMerged(bySurvivor!.rows)).toHaveLength(1);
    expect(new Set(bySurvivor!.rows.map((r) => r.code))).toEqual(new Set([survivor.code]));
    const byOldCode = await browseAudit(supervisor, filter({ code: merged.code }), "127.0.0.1");
    expect(ofMerged(byOldCode!.rows)).toHaveLength(1);
    expect(new Set(byOldCode!.rows.map((r) => r.code))).toEqual(new Set([survivor.code]));
  });

  it("shows an administrator sign-in events and no case activity; a caseworker nothing", async () => {
    const page = await browseAudit(admin, filter({ actor: caseworker.id }), "127.0.0.1");
    expect(page!.rows.map((r) => r.action)).toEqual(["login.failed"]);
    expect(await browseAudit(caseworker, filter(), "127.0.0.1")).toBeNull();
  });

  it("gives an administrator every account event once, newest first, page after page, among many case entries", async () => {
    const person = await makeUser("CASEWORKER", null);
    const kinds: AuditAction[] = ["login", "logout", "login.failed", "user.update"];
    // 130 account events of four kinds, each after a few case views, as the log looks in use.
    for (let i = 0; i < 130; i++) {
      await testDb.$transaction(async (tx) => {
        for (let v = 0; v < 3; v++) await recordAudit(tx, { actorId: person.id, action: "case.view", entity: "Case", entityId: mine.id, caseId: mine.id });
      });
      await testDb.$transaction((tx) => recordAudit(tx, { actorId: person.id, action: kinds[i % 4], entity: "User", entityId: person.id }));
    }
    const expected = await testDb.auditLog.findMany({ where: { actorId: person.id, action: { in: kinds } }, orderBy: { id: "desc" }, select: { id: true } });
    const seen: bigint[] = [];
    let before: string | undefined;
    do {
      const page = await browseAudit(admin, filter({ actor: person.id, ...(before ? { before } : {}) }), "127.0.0.1");
      seen.push(...page!.rows.map((r) => r.id));
      expect(page!.rows.every((r) => (kinds as string[]).includes(r.action) && r.code === null)).toBe(true);
      before = page!.next?.toString();
    } while (before);
    expect(seen).toEqual(expected.map((e) => e.id));
    // One kind asked for: only that kind; a case code: nothing (account events name no case).
    // (33 logouts: a first page of them.)
    expect((await browseAudit(admin, filter({ actor: person.id, action: "logout" }), "127.0.0.1"))!.rows.map((r) => r.action)).toEqual(Array(ROWS_PER_PAGE).fill("logout"));
    expect((await browseAudit(admin, filter({ actor: person.id, action: "case.view" }), "127.0.0.1"))!.rows).toEqual([]);
    expect((await browseAudit(admin, filter({ code: mine.code }), "127.0.0.1"))!.rows).toEqual([]);
  });

  it("records each reading of the log once, with what was asked", async () => {
    const readings = () =>
      testDb.auditLog.findMany({ where: { actorId: supervisor.id, action: "audit.view" }, orderBy: { id: "asc" }, select: { entity: true, ip: true, detail: true, hash: true } });
    const before = (await readings()).length;
    const asked = (code: string | null, action: string | null) => ({ code, actor: null, action, from: null, to: null });
    // A code (its lookup writes the row), a code that names no case, and no code (written beside the read).
    expect((await browseAudit(supervisor, filter({ code: mine.code }), "127.0.0.1"))!.rows.length).toBeGreaterThan(0);
    expect((await browseAudit(supervisor, filter({ code: "NOPE-0000" }), "127.0.0.2"))!.rows).toEqual([]);
    await browseAudit(supervisor, filter({ action: "case.view" }), "127.0.0.3");
    const rows = (await readings()).slice(before);
    expect(rows.map(({ entity, ip, detail }) => ({ entity, ip, detail }))).toEqual([
      { entity: "AuditLog", ip: "127.0.0.1", detail: asked(mine.code, null) },
      { entity: "AuditLog", ip: "127.0.0.2", detail: asked("NOPE-0000", null) },
      { entity: "AuditLog", ip: "127.0.0.3", detail: asked(null, "case.view") },
    ]);
    // Links of the chain, however written.
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.hash ?? ""))).toBe(true);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(filter({ code: "'; drop table", actor: "not-a-uuid", from: "2026-13-45", before: "x" })).toEqual({});
  });
});
