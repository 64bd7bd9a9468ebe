import { describe, expect, it } from "vitest";
import * as OTPAuth from "otpauth";
import { makeTeam, tag, testDb } from "@/tests/fixtures";
import { hashPassword } from "./password";
import { verifyCredentials } from "./credentials";
import { checkSession, IDLE_MINUTES, LIFETIME_HOURS } from "./sessions";
import { issueRecoveryCodes, newTotpSecret, sealSecret } from "./totp";

const PASSWORD = "a long enough test passphrase";

async function account(options: { totp?: string } = {}) {
  const team = await makeTeam("Sign-in");
  const email = `signin-${tag()}@test.waypoint.test`.toLowerCase();
  const user = await testDb.user.create({
    data: {
      email,
      name: `Sign ${tag()}`,
      role: "CASEWORKER",
      teamId: team.id,
      passwordHash: await hashPassword(PASSWORD),
      ...(options.totp ? { totpSecret: sealSecret(options.totp), totpEnabledAt: new Date() } : {}),
    },
  });
  return { ...user, email };
}
const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const codeAt = (base32: string, timestamp = Date.now()) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(base32) }).generate({ timestamp });

describe("sign-in", () => {
  it("opens a session and audits it", async () => {
    const user = await account();
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: PASSWORD }, ip());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await testDb.session.findUniqueOrThrow({ where: { id: result.user.sid } });
    expect(session.userId).toBe(user.id);
    expect(await testDb.auditLog.count({ where: { actorId: user.id, action: "login" } })).toBe(1);
  });

  it("locks an address after five failures, even for the right password, and the same for an address with no account", async () => {
    const user = await account();
    const from = ip();
    for (let i = 0; i < 5; i++) expect(await verifyCredentials({ email: user.email, password: `wrong ${i}` }, from)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD }, ip())).toEqual({ ok: false, reason: "locked" });
    expect(await testDb.auditLog.count({ where: { actorId: user.id, action: "login.blocked" } })).toBe(1);
    // Unknown addresses lock the same way, so a lockout says nothing about who has an account.
    const nobody = `nobody-${tag()}@test.waypoint.test`;
    for (let i = 0; i < 5; i++) expect((await verifyCredentials({ email: nobody, password: `wrong ${i}` }, ip())).ok).toBe(false);
    expect(await verifyCredentials({ email: nobody, password: "anything at all" }, ip())).toEqual({ ok: false, reason: "locked" });
    // The block ends: then the right password works and clears the count.
    await testDb.signInThrottle.updateMany({ where: { blockedUntil: { not: null } }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await verifyCredentials({ email: user.email, password: PASSWORD }, ip())).ok).toBe(true);
  });

  it("blocks an IP address after twenty failures across addresses", async () => {
    const from = ip();
    for (let i = 0; i < 20; i++) await verifyCredentials({ email: `spray-${i}-${tag()}@test.waypoint.test`, password: "guess guess guess" }, from);
    const user = await account();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD }, from)).toEqual({ ok: false, reason: "locked" });
    expect((await verifyCredentials({ email: user.email, password: PASSWORD }, ip())).ok).toBe(true);
  });

  it("asks for the app's code, accepts it once only, and takes each recovery code once", async () => {
    const { base32 } = newTotpSecret("test");
    const user = await account({ totp: base32 });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD }, ip())).toEqual({ ok: false, reason: "code" });
    expect((await verifyCredentials({ email: user.email, password: "wrong password", code: codeAt(base32) }, ip())).ok).toBe(false);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, code: "000000" === codeAt(base32) ? "111111" : "000000" }, ip())).ok).toBe(false);
    const code = codeAt(base32);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, code }, ip())).ok).toBe(true);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, code }, ip())).ok).toBe(false); // replayed
    const [recovery] = await testDb.$transaction((tx) => issueRecoveryCodes(tx, user.id));
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, code: recovery.toUpperCase() }, ip())).ok).toBe(true);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, code: recovery }, ip())).ok).toBe(false);
    await testDb.signInThrottle.deleteMany({});
  });
});

describe("sessions", () => {
  async function session() {
    const user = await account();
    const result = await verifyCredentials({ email: user.email, password: PASSWORD }, ip());
    if (!result.ok) throw new Error("sign-in failed");
    return { user, sid: result.user.sid };
  }

  it("stay open with activity and end after the idle timeout, for good", async () => {
    const { user, sid } = await session();
    expect((await checkSession(sid, user.id)).user?.id).toBe(user.id);
    const later = new Date(Date.now() + (IDLE_MINUTES + 1) * 60_000);
    expect(await checkSession(sid, user.id, later)).toEqual({ ended: "idle" });
    expect(await checkSession(sid, user.id)).toEqual({ ended: "idle" }); // stays ended, and says why
    expect((await testDb.session.findUniqueOrThrow({ where: { id: sid } })).endReason).toBe("idle");
  });

  it("end at the absolute lifetime even with activity, and at once on deactivation", async () => {
    const first = await session();
    await testDb.session.update({ where: { id: first.sid }, data: { createdAt: new Date(Date.now() - (LIFETIME_HOURS * 60 + 1) * 60_000) } });
    expect(await checkSession(first.sid, first.user.id)).toEqual({ ended: "expired" });
    const second = await session();
    await testDb.user.update({ where: { id: second.user.id }, data: { active: false } });
    expect(await checkSession(second.sid, second.user.id)).toEqual({ ended: "deactivated" });
  });

  it("belong to one user: another user's id with this session is refused", async () => {
    const { sid } = await session();
    const other = await account();
    expect(await checkSession(sid, other.id)).toEqual({ ended: "signed-out" });
  });
});

// Security finding 12: anyone, unsigned, could add audit and throttle rows without bound.
describe("a flood of sign-in attempts", () => {
  it("at addresses with no account leaves a handful of audit rows that say how many came, and blocked attempts the same", async () => {
    const from = ip();
    for (let n = 0; n < 40; n++) await verifyCredentials({ email: `nobody-${tag()}@test.waypoint.test`, password: "guess guess guess" }, from);
    const rows = await testDb.auditLog.findMany({ where: { ip: from }, orderBy: { id: "asc" }, select: { action: true, detail: true } });
    const counts = (action: string) => rows.filter((r) => r.action === action).map((r) => (r.detail as { attemptsInWindow?: number }).attemptsInWindow);
    // 20 failures block the address; the other 20 attempts are refused as blocked.
    expect(counts("login.failed")).toEqual([1, 2, 4, 8, 16]);
    expect(counts("login.blocked")).toEqual([1, 2, 4, 8, 16]);
  });

  it("a failure on a real account is always audited", async () => {
    const user = await account();
    for (let n = 0; n < 3; n++) await verifyCredentials({ email: user.email, password: "not the password at all" }, ip());
    expect(await testDb.auditLog.count({ where: { actorId: user.id, action: "login.failed" } })).toBe(3);
  });

  it("prunes throttle rows a day old that block nothing, and keeps the rest", async () => {
    const stale = `account:stale-${tag()}`;
    const blocking = `account:blocking-${tag()}`;
    const recent = `account:recent-${tag()}`;
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await testDb.signInThrottle.createMany({
      data: [
        { key: stale, failures: 1, windowStart: dayAgo },
        { key: blocking, failures: 9, windowStart: dayAgo, blockedUntil: new Date(Date.now() + 3600_000) },
        { key: recent, failures: 1, windowStart: new Date() },
      ],
    });
    await verifyCredentials({ email: `nobody-${tag()}@test.waypoint.test`, password: "guess guess guess" }, ip());
    const left = (await testDb.signInThrottle.findMany({ where: { key: { in: [stale, blocking, recent] } }, select: { key: true } })).map((r) => r.key);
    expect(left.sort()).toEqual([blocking, recent].sort());
  });
});
