import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { decoyPasswordHash, verifyPassword } from "./password";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/**
 * Checks an e-mail and password against the database and audits the attempt.
 * Returns the user's id, or null: callers must not tell the user which part
 * was wrong.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, active: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  const ok = Boolean(user && user.active && passwordOk);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: user?.id ?? null,
      action: ok ? "login" : "login.failed",
      entity: "User",
      entityId: user?.id ?? null,
      ip,
      // The address typed is not stored: it may be a person's name.
      detail: { knownAccount: Boolean(user), active: user?.active ?? null },
    }),
  );
  return ok && user ? { id: user.id, name: user.name, email: user.email } : null;
}
