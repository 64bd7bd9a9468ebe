// What the case file shows of a case's oversight, read together: closure
// requests and holds with who made them, and grants only to staff, with
// the guests a grant may go to only for those who may grant.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { addCalendarDays, todayInBangkok } from "@/lib/dates";
import { grantAccess } from "@/lib/grants/grants";
import { grantSchema } from "@/lib/grants/schema";
import { placeHold } from "@/lib/holds/holds";
import { caseOversight } from "./oversight";

let supervisor: Actor & { name: string };
let caseworker: Actor & { name: string };
let guest: Actor & { name: string };
let code: string;
let caseId: string;

beforeAll(async () => {
  const team = await makeTeam("Oversight");
  supervisor = await makeUser("SUPERVISOR", team.id, `Supervisor ${tag()}`);
  caseworker = await makeUser("CASEWORKER", team.id, `Caseworker ${tag()}`);
  guest = await makeUser("GUEST", team.id, `A guest ${tag()}`);
  const away = await makeUser("GUEST", team.id, `An inactive guest ${tag()}`);
  await testDb.user.update({ where: { id: away.id }, data: { active: false } });
  await makeUser("GUEST", (await makeTeam("Elsewhere")).id);
  ({ code, id: caseId } = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Overseen ${tag()}` } }));
});

describe("a case's oversight on its case file", () => {
  it("is empty for a new case, and offers a supervisor the team's active guests", async () => {
    const read = await caseOversight(await openFor(supervisor, code), supervisor);
    expect(read.closureRequests).toEqual([]);
    expect(read.holds).toEqual([]);
    expect(read.grants).toMatchObject({ list: [], guests: [{ id: guest.id, name: guest.name }] });
    // The deployment's longest grant (a setting other tests may change).
    expect(read.grants!.maxDays).toBeGreaterThan(0);
  });

  it("names who requested, placed and granted; shows grants to staff only, and the grant form's choices only to those who grant", async () => {
    await testDb.closureRequest.create({ data: { caseId, requestedById: caseworker.id, reason: "Resettled in Canada" } });
    await placeHold(await openFor(supervisor, code), "Civil claim pending", { ip: null });
    const today = todayInBangkok();
    await grantAccess(
      await openFor(supervisor, code),
      grantSchema.parse({ userId: guest.id, sections: ["overview"], startsOn: today, endsOn: addCalendarDays(today, 1), reason: "Interpreting" }),
      null,
    );

    const bySupervisor = await caseOversight(await openFor(supervisor, code), supervisor);
    expect(bySupervisor.closureRequests).toMatchObject([{ status: "PENDING", reason: "Resettled in Canada", requestedBy: caseworker.name, decidedBy: null }]);
    expect(bySupervisor.holds).toMatchObject([{ reason: "Civil claim pending", placedBy: supervisor.name, liftedAt: null }]);
    expect(bySupervisor.grants?.list).toMatchObject([{ guest: guest.name, grantedBy: supervisor.name, state: "standing", sections: ["overview"] }]);

    // A caseworker sees the grants but may not grant: no guests, no limit read.
    const byCaseworker = await caseOversight(await openFor(caseworker, code), caseworker);
    expect(byCaseworker.grants).toMatchObject({ list: [{ guest: guest.name }], guests: [], maxDays: 0 });
    expect(byCaseworker.closureRequests).toHaveLength(1);

    // The guest, inside their grant, reads no grants at all.
    expect((await caseOversight(await openFor(guest, code), guest)).grants).toBeNull();
  });
});
