// What the case file's overview reads of a case beside the file, together:
// its journey at a glance and incidents, and its oversight: closure
// requests and holds with who made them, and grants only to staff, with
// the guests a grant may go to only for those who may grant.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { addCalendarDays, todayInBangkok } from "@/lib/dates";
import { grantAccess } from "@/lib/grants/grants";
import { grantSchema } from "@/lib/grants/schema";
import { placeHold } from "@/lib/holds/holds";
import { caseOverview } from "./overview";

const caseOversight = async (access: Parameters<typeof caseOverview>[0], actor: Actor) => (await caseOverview(access, actor, null, null)).oversight;

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

describe("a case's journey at a glance and incidents on its case file", () => {
  it("reads the incidents newest first and the detention and arrival the glance is drawn from", async () => {
    const incidents = ["2026-03-02", "2026-04-10"].map((occurredOn, i) => ({ caseId, occurredOn: new Date(`${occurredOn}T00:00:00Z`), kind: "THREAT" as const, severity: "HIGH" as const, description: `Incident ${i}` }));
    await testDb.protectionIncident.createMany({ data: incidents });
    const person = await testDb.person.findFirstOrThrow({ where: { caseId } });
    const facility = await testDb.facility.create({ data: { name: `Overview IDC ${tag()}`, kind: "BANGKOK_IDC" } });
    await testDb.detentionEpisode.create({ data: { caseId, personId: person.id, facilityId: facility.id, startedOn: new Date("2026-03-05T00:00:00Z") } });

    const read = await caseOverview(await openFor(caseworker, code), caseworker, { entryDate: new Date("2026-03-01T00:00:00Z") }, null);
    expect(read.incidents.map((i) => i.description)).toEqual(["Incident 1", "Incident 0"]);
    expect(read.journeyGlance.milestones.map((m) => [m.key, m.on])).toEqual([["arrived", "2026-03-01"], ["detained", "2026-03-05"]]);
    expect(read.journeyGlance.detentionDays).toBeGreaterThan(0);
  });
});
