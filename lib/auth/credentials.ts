import "server-only";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { decoyPasswordHash, verifyPassword } from "./password";
import { accountKey, auditsAttempt, blockedUntil, clearFailures, countAttempt, ipKey, recordAccountFailure, recordIpFailure } from "./throttle";
import { startSession } from "./sessions";
import { acceptedStepSealed, looksLikeTotp, useRecoveryCode } from "./totp";

// Every failure is the same "invalid" (the sign-in page says one thing for all of them).
const invalid = { error: "invalid" };
export const signInSchema = z.object({
  email: z.string(invalid).trim().toLowerCase().email(invalid).max(254, invalid),
  password: z.string(invalid).min(1, invalid).max(1024, invalid),
  code: z.string(invalid).trim().max(64, invalid).optional(),
});

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sid: string } }
  // invalid: wrong e-mail, password or code (never saying which); locked: too
  // many failures; code: the password was right and a code from the app is needed.
  | { ok: false; reason: "invalid" | "locked" | "code" };

/**
 * Checks an e-mail, password and (when the account uses an authenticator
 * app) code, with lockout, and audits every attempt. On success it opens a
 * session. Callers must not tell the user which part was wrong.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, code } = parsed.data;
  const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, active: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const audit = (action: "login" | "login.failed" | "login.blocked", detail: Record<string, unknown> = {}) =>
    db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: user?.id ?? null,
        action,
        entity: "User",
        entityId: user?.id ?? null,
        ip,
        // The address typed is not stored: it may be a person's name.
        detail: { knownAccount: Boolean(user), active: user?.active ?? null, ...detail },
      }),
    );

  if (await blockedUntil(keys)) {
    const attempts = await countAttempt("blocked", ip);
    if (auditsAttempt(attempts)) await audit("login.blocked", { attemptsInWindow: attempts });
    return { ok: false, reason: "locked" };
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.active || !passwordOk) {
    await Promise.all([recordAccountFailure(keys[0]), ...(ip ? [recordIpFailure(keys[1])] : [])]);
    // A failure on a real account is always audited; guesses at addresses
    // with no account are counted, and audited as the count doubles.
    if (user) await audit("login.failed");
    else {
      const attempts = await countAttempt("unknown-account", ip);
      if (auditsAttempt(attempts)) await audit("login.failed", { attemptsInWindow: attempts });
    }
    return { ok: false, reason: "invalid" };
  }

  const needsCode = Boolean(user.totpEnabledAt && user.totpSecret);
  if (needsCode && !code) return { ok: false, reason: "code" };
  const session = await db.$transaction(async (tx) => {
    if (needsCode) {
      if (looksLikeTotp(code!)) {
        const step = acceptedStepSealed(user.totpSecret!, code!, user.totpLastStep);
        if (step === null) return null;
        // Only moves forward: two sign-ins racing with one code cannot both pass.
        const claimed = await tx.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
        if (claimed.count !== 1) return null;
      } else if (!(await useRecoveryCode(tx, user.id, code!))) {
        return null;
      }
    }
    return startSession(tx, user.id, ip);
  });
  if (!session) {
    await Promise.all([recordAccountFailure(keys[0]), ...(ip ? [recordIpFailure(keys[1])] : [])]);
    await audit("login.failed", { secondFactor: true });
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(keys[0]);
  await audit("login", { secondFactor: needsCode, session });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sid: session } };
}
