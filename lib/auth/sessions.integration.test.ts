import { describe, expect, it } from "vitest";
import { makeTeam, makeUser, testDb } from "@/tests/fixtures";
import { checkSession, endAllSessions } from "./sessions";

// Security finding 10: a calendar feed link kept working after the
// credentials it was made under had ended.
describe("ending every session of a user", () => {
  it("also revokes their calendar feed link, keeping only the session that made the change", async () => {
    const team = await makeTeam("Sessions");
    const user = await makeUser("CASEWORKER", team.id);
    await testDb.user.update({ where: { id: user.id }, data: { calendarTokenHash: `hash-${user.id}` } });
    const [kept, ended] = await Promise.all([
      testDb.session.create({ data: { userId: user.id }, select: { id: true } }),
      testDb.session.create({ data: { userId: user.id }, select: { id: true } }),
    ]);
    // As resetting an authenticator app, resetting or changing a password, or deactivating does.
    await testDb.$transaction((tx) => endAllSessions(tx, user.id, "password-changed", kept.id));
    expect((await testDb.user.findUniqueOrThrow({ where: { id: user.id } })).calendarTokenHash).toBeNull();
    const sessions = await testDb.session.findMany({ where: { userId: user.id }, select: { id: true, endedAt: true, endReason: true } });
    expect(sessions.find((s) => s.id === kept.id)?.endedAt).toBeNull();
    expect(sessions.find((s) => s.id === ended.id)).toMatchObject({ endReason: "password-changed" });
  });
});

describe("the session check", () => {
  it("reads the account page's settings with the session, as they are now", async () => {
    const team = await makeTeam("Session settings");
    const user = await makeUser("CASEWORKER", team.id);
    const session = await testDb.session.create({ data: { userId: user.id }, select: { id: true } });
    expect((await checkSession(session.id, user.id)).user?.settings).toEqual({ hasCalendarLink: false, emailReminders: "IMMEDIATE" });
    await testDb.user.update({ where: { id: user.id }, data: { calendarTokenHash: `hash-${user.id}`, emailReminders: "DAILY" } });
    expect((await checkSession(session.id, user.id)).user?.settings).toEqual({ hasCalendarLink: true, emailReminders: "DAILY" });
  });

  it("reads the security settings with the session: the authenticator requirement and the longest access grant", async () => {
    const team = await makeTeam("Session security");
    const user = await makeUser("SUPERVISOR", team.id);
    const session = await testDb.session.create({ data: { userId: user.id }, select: { id: true } });
    // Read as the setting stands (other tests may share the row; it is not changed here).
    const setting = await testDb.securitySetting.findUnique({ where: { id: 1 }, select: { totpRequiredFor: true, grantMaxDays: true } });
    const checked = await checkSession(session.id, user.id);
    expect(checked).toMatchObject({ totpRequiredFor: setting?.totpRequiredFor ?? [], grantMaxDays: setting?.grantMaxDays ?? null });
  });
});
