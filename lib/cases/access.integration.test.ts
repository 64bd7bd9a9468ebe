// The case pages' gate (openCaseForPage): the view's audit row is written
// while the page's first read runs, and is written before the page goes on,
// whether the read succeeds or fails; a case out of reach is never read.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { readWhileAuditing } from "@/lib/audit";
import { openCaseForPage, type CaseAccess } from "./access";

let caseworker: Actor;
let outsider: Actor;
let code: string;
let caseId: string;

const views = (actor: Actor, action: string) => testDb.auditLog.findMany({ where: { actorId: actor.id, caseId, action }, select: { detail: true } });

beforeAll(async () => {
  const team = await makeTeam("Gate");
  caseworker = await makeUser("CASEWORKER", team.id);
  outsider = await makeUser("CASEWORKER", (await makeTeam("Elsewhere")).id);
  ({ code, id: caseId } = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Gated ${tag()}` } }));
});

describe("opening a case page", () => {
  it("hands back the access and the page's read, with the view audited once", async () => {
    const opened = await openCaseForPage(caseworker, code, "view", null, async (access) => ({ read: access.caseId }));
    expect(opened.access.code).toBe(code);
    expect(opened.read).toEqual({ read: caseId });
    expect(await views(caseworker, "case.view")).toEqual([{ detail: { purpose: "view" } }]);
  });

  it("fails with the read's error, and only after the view's audit row is written", async () => {
    const reader = await makeUser("CASEWORKER", null);
    await testDb.caseMember.create({ data: { caseId, userId: reader.id, role: "CASEWORKER" } });
    await expect(openCaseForPage(reader, code, "edit", null, async () => Promise.reject(new Error("read failed")))).rejects.toThrow("read failed");
    expect(await views(reader, "case.view")).toEqual([{ detail: { purpose: "edit" } }]);
  });

  it("answers 404 for a case out of reach, audits the attempt and never runs the read", async () => {
    const reads: CaseAccess[] = [];
    await expect(openCaseForPage(outsider, code, "view", null, async (access) => void reads.push(access))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(reads).toEqual([]);
    expect(await views(outsider, "case.view")).toEqual([]);
    expect(await views(outsider, "case.refused")).toHaveLength(1);
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
