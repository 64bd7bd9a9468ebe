import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { ROWS_PER_PAGE } from "@/lib/paging";
import type { Actor } from "@/lib/policy";
import { checkSession } from "@/lib/auth/sessions";
import { myNotifications } from "./queries";

/** The header's count, as a signed-in page reads it: with the session check. */
async function unreadCount(actor: Actor) {
  const session = await testDb.session.create({ data: { userId: actor.id }, select: { id: true } });
  return (await checkSession(session.id, actor.id)).unreadNotices;
}

describe("notifications", () => {
  it("the unread count is what the page lists: an organisation-wide supervisor sees notices about every team's cases", async () => {
    const team = await makeTeam("Notices");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const director = { ...(await makeUser("SUPERVISOR", null)), organisationWide: true };
    await testDb.user.update({ where: { id: director.id }, data: { organisationWide: true } });
    const target = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Notice ${tag()}` } });
    await testDb.notification.create({ data: { userId: director.id, caseId: target.id, kind: "incident" } });
    expect(await unreadCount(director)).toBe(1);
    expect((await myNotifications(director)).rows.map((n) => n.case?.code)).toEqual([target.code]);
  });

  it("a notice about a case the reader may no longer open is neither counted nor listed", async () => {
    const team = await makeTeam("Moved away");
    const other = await makeTeam("Elsewhere");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const target = await makeCase({ teamId: other.id, actorId: caseworker.id, caseworkerId: null, principal: { latinName: `Gone ${tag()}` } });
    await testDb.notification.create({ data: { userId: caseworker.id, caseId: target.id, kind: "incident" } });
    await testDb.notification.create({ data: { userId: caseworker.id, caseId: null, kind: "incident" } });
    expect(await unreadCount(caseworker)).toBe(1);
    const listed = await myNotifications(caseworker);
    expect(listed.rows).toHaveLength(1);
    expect(listed).toMatchObject({ page: 1, older: false });
  });

  it("pages the notices newest first, each once, and answers a page past the end with the last", async () => {
    const team = await makeTeam("Many notices");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const count = ROWS_PER_PAGE + 7;
    const start = Date.UTC(2026, 10, 1);
    await testDb.notification.createMany({
      data: Array.from({ length: count }, (_, i) => ({ userId: caseworker.id, kind: "incident", createdAt: new Date(start + i * 60_000), readAt: i < 3 ? null : new Date() })),
    });
    const first = await myNotifications(caseworker, 1);
    const second = await myNotifications(caseworker, 2);
    expect(first).toMatchObject({ page: 1, older: true });
    expect(await unreadCount(caseworker)).toBe(3);
    expect(first.rows).toHaveLength(ROWS_PER_PAGE);
    expect(second.rows).toHaveLength(7);
    expect(second.older).toBe(false);
    const times = [...first.rows, ...second.rows].map((n) => n.createdAt.getTime());
    expect(new Set([...first.rows, ...second.rows].map((n) => n.id)).size).toBe(count);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The three unread are the oldest, on the second page, and still counted on the first.
    expect(second.rows.filter((n) => !n.readAt)).toHaveLength(3);
    const beyond = await myNotifications(caseworker, 9);
    expect(beyond).toMatchObject({ page: 2, older: false });
    expect(beyond.rows.map((n) => n.id)).toEqual(second.rows.map((n) => n.id));
  });
});
