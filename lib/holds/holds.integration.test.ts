import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { caseOverview } from "@/lib/cases/overview";
import { liftHold, placeHold, standingHold } from "./holds";
import { dashboardFigures, figureTeams } from "@/lib/dashboard/figures";

// The standing holds on a supervisor's dashboard: those on their teams' cases.
const standingHolds = async (actor: Actor) => (await dashboardFigures((await figureTeams(actor)).selected, { from: "2026-01-01", to: "2026-12-31" }, { oversightListed: 100 })).holds;

let supervisor: Actor;
let outsider: Actor;
let teamId: string;

beforeAll(async () => {
  teamId = (await makeTeam("Holds")).id;
  supervisor = await makeUser("SUPERVISOR", teamId);
  outsider = await makeUser("SUPERVISOR", (await makeTeam("Elsewhere")).id);
});

describe("legal holds (issue 14, item 2)", () => {
  it("stand one at a time, are lifted with a reason, keep their history, and are audited", async () => {
    const created = await makeCase({ teamId, caseworkerId: supervisor.id, actorId: supervisor.id, principal: { latinName: `Hold ${tag()}` } });
    const access = await openFor(supervisor, created.code);
    const hold = await placeHold(access, "Civil claim against the IDC pending", { ip: null });
    await expect(placeHold(access, "A second reason", { ip: null })).rejects.toMatchObject({ key: "holdAlreadyStands" });
    expect((await standingHold(testDb, created.id))?.id).toBe(hold.id);
    expect((await standingHolds(supervisor)).map((h) => h.code)).toContain(created.code);
    expect((await standingHolds(outsider)).map((h) => h.code)).not.toContain(created.code);

    await liftHold(access, hold.id, "Claim settled in October", { ip: null });
    await expect(liftHold(access, hold.id, "Again", { ip: null })).rejects.toMatchObject({ key: "holdNotStanding" });
    expect(await standingHold(testDb, created.id)).toBeNull();
    const { holds: history } = (await caseOverview(access, supervisor, null, null)).oversight;
    expect(history).toMatchObject([{ id: hold.id, reason: "Civil claim against the IDC pending", liftReason: "Claim settled in October", placedBy: (supervisor as { name?: string }).name }]);
    expect((await testDb.auditLog.findMany({ where: { entityId: hold.id }, orderBy: { id: "asc" } })).map((r) => r.action)).toEqual(["hold.place", "hold.lift"]);
    // A new hold may stand again after the last was lifted.
    await placeHold(access, "A new protection concern", { ip: null });
    expect(await testDb.legalHold.count({ where: { caseId: created.id } })).toBe(2);
  });
});
