import "server-only";
// What a signed-in person's own account pages show about them.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";

/** The person's sign-in security: authenticator state, whether their role requires one, recovery codes left. */
export async function accountSecurity(user: Actor) {
  const [account, required, unusedCodes] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } }),
    db.securitySetting.findUnique({ where: { id: 1 } }).then((s) => (s?.totpRequiredFor ?? []).includes(user.role)),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return { ...account, required, unusedCodes };
}
