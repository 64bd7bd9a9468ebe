// Who a case's tasks may be given to: the active staff of its team (not its
// guests or administrators) and the people named on it, from any team.
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import { taskAssignees } from "./queries";

describe("a task's assignees", () => {
  it("are the active caseworkers, supervisors and legal officers of the case's team and the members named on it", async () => {
    const run = tag();
    const team = await makeTeam("Assignees");
    const other = await makeTeam("Other assignees");
    const caseworker = await makeUser("CASEWORKER", team.id, `Cora ${run}`);
    const { code, id: caseId } = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Tasked ${tag()}` } });
    await makeUser("SUPERVISOR", team.id, `Sam ${run}`);
    await makeUser("LEGAL_OFFICER", team.id, `Lee ${run}`);
    await makeUser("GUEST", team.id, `Guest ${run}`);
    await makeUser("ADMIN", team.id, `Admin ${run}`);
    const gone = await makeUser("CASEWORKER", team.id, `Gone ${run}`);
    await testDb.user.update({ where: { id: gone.id }, data: { active: false } });
    await makeUser("CASEWORKER", other.id, `Far ${run}`);
    const counsel = await makeUser("LEGAL_OFFICER", other.id, `Ada ${run}`);
    await testDb.caseMember.create({ data: { caseId, userId: counsel.id, role: "COUNSEL" } });
    const names = (await taskAssignees(await openFor(caseworker, code))).map((p) => p.name).filter((name) => name.endsWith(run));
    expect(names).toEqual([`Ada ${run}`, `Cora ${run}`, `Lee ${run}`, `Sam ${run}`]);
  });
});
