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
