import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { myNotifications, unreadCount } from "./queries";

describe("notifications", () => {
  it("the unread count is what the page lists: an organisation-wide supervisor sees notices about every team's cases", async () => {
    const team = await makeTeam("Notices");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const director = { ...(await makeUser("SUPERVISOR", null)), organisationWide: true };
    await testDb.user.update({ where: { id: director.id }, data: { organisationWide: true } });
    const target = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Notice ${tag()}` } });
    await testDb.notification.create({ data: { userId: director.id, caseId: target.id, kind: "incident" } });
    expect(await unreadCount(director)).toBe(1);
    expect((await myNotifications(director)).map((n) => n.case?.code)).toEqual([target.code]);
  });

  it("a notice about a case the reader may no longer open is neither counted nor listed", async () => {
    const team = await makeTeam("Moved away");
    const other = await makeTeam("Elsewhere");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const target = await makeCase({ teamId: other.id, actorId: caseworker.id, caseworkerId: null, principal: { latinName: `Gone ${tag()}` } });
    await testDb.notification.create({ data: { userId: caseworker.id, caseId: target.id, kind: "incident" } });
    await testDb.notification.create({ data: { userId: caseworker.id, caseId: null, kind: "incident" } });
    expect(await unreadCount(caseworker)).toBe(1);
    expect(await myNotifications(caseworker)).toHaveLength(1);
  });
});
