import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { openCase } from "@/lib/cases/access";
import { listCases } from "@/lib/cases/queries";
import { parseCaseListParams } from "@/lib/cases/list-params";
import { addCalendarDays, todayInBangkok } from "@/lib/dates";
import { grantAccess, revokeGrant } from "./grants";
import { grantSchema } from "./schema";

let supervisor: Actor;
let guest: Actor;
let otherTeamGuest: Actor;
let code: string;
let otherCode: string;

const today = todayInBangkok();
const grant = (extra: Record<string, unknown> = {}) =>
  grantSchema.parse({ userId: guest.id, sections: ["overview", "documents"], startsOn: today, endsOn: addCalendarDays(today, 2), reason: "Interpreting at the RSD interview", ...extra });

beforeAll(async () => {
  const team = await makeTeam("Grants");
  supervisor = await makeUser("SUPERVISOR", team.id);
  guest = await makeUser("GUEST", team.id);
  otherTeamGuest = await makeUser("GUEST", (await makeTeam("Elsewhere")).id);
  code = (await makeCase({ teamId: team.id, caseworkerId: supervisor.id, actorId: supervisor.id, principal: { latinName: `Granted ${tag()}` } })).code;
  otherCode = (await makeCase({ teamId: team.id, caseworkerId: supervisor.id, actorId: supervisor.id, principal: { latinName: `Not granted ${tag()}` } })).code;
});

describe("access that expires (issue 14, item 6)", () => {
  it("opens the granted case only, only its granted sections, only within the window, and every opening is audited with the grant", async () => {
    expect(await openCase(guest, code, "view", null)).toBeNull();
    const { id } = await grantAccess(await openFor(supervisor, code), grant(), null);
    const access = await openCase(guest, code, "view", null);
    expect(access?.sections).toEqual(["overview", "documents"]);
    expect(await openCase(guest, otherCode, "view", null)).toBeNull();
    expect((await listCases(guest, parseCaseListParams({}))).rows.map((r) => r.code)).toEqual([code]);
    const view = await testDb.auditLog.findFirstOrThrow({ where: { actorId: guest.id, action: "case.view" }, orderBy: { id: "desc" } });
    expect(view.detail).toMatchObject({ grants: [id] });
    // The window closes by itself: nothing to run, the next request is refused.
    await testDb.accessGrant.update({ where: { id }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect(await openCase(guest, code, "view", null)).toBeNull();
  });

  it("is given only to a guest of the case's team, from today, for at most the configured days", async () => {
    const access = await openFor(supervisor, code);
    await expect(grantAccess(access, grant({ userId: otherTeamGuest.id }), null)).rejects.toMatchObject({ key: "invalidChoice", field: "userId" });
    await expect(grantAccess(access, grant({ userId: supervisor.id }), null)).rejects.toMatchObject({ key: "invalidChoice", field: "userId" });
    await expect(grantAccess(access, grant({ startsOn: addCalendarDays(today, -1) }), null)).rejects.toMatchObject({ key: "grantStartsInPast" });
    await expect(grantAccess(access, grant({ endsOn: addCalendarDays(today, 30) }), null)).rejects.toMatchObject({ key: "grantTooLong", values: { max: "30" } });
  });

  it("ends at once when revoked, and a guest changes nothing", async () => {
    const { id } = await grantAccess(await openFor(supervisor, code), grant(), null);
    expect(await openCase(guest, code, "view", null)).not.toBeNull();
    await revokeGrant(await openFor(supervisor, code), id, null);
    expect(await openCase(guest, code, "view", null)).toBeNull();
    await expect(revokeGrant(await openFor(supervisor, code), id, null)).rejects.toMatchObject({ key: "grantNotStanding" });
    expect((await testDb.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["grant.create", "grant.revoke"]);
  });
});
