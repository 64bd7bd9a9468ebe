"use server";
// What signed-in users do to their own account: change the password (other
// sessions end), set up or remove an authenticator app, choose how
// reminders reach them by e-mail.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { formDataToObject, formErrorsFrom, type FormState, formText } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { changeOwnPasswordSchema } from "@/lib/users/schema";
import { z } from "@/lib/zod";
import { requireUser } from "./current-user";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { endAllSessions } from "./sessions";
import { acceptedStepSealed, issueRecoveryCodes, newTotpSecret, sealSecret } from "./totp";

export async function changeOwnPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser({ settingUpTotp: true });
  const parsed = changeOwnPasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return formErrorsFrom(parsed.error);
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, parsed.data.current))) return { fieldErrors: { current: "wrongPassword" } };
  const problem = passwordProblem(parsed.data.password, user);
  if (problem) return { fieldErrors: { password: problem } };
  const passwordHash = await hashPassword(parsed.data.password);
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    // Anyone signed in elsewhere with the old password is signed out; this session stays.
    await endAllSessions(tx, user.id, "password-changed", user.sessionId);
    await recordAudit(tx, { actorId: user.id, action: "user.password", entity: "User", entityId: user.id, fields: ["passwordHash"], ip, detail: { by: "self" } });
  });
  return { ok: true };
}

/** Starts setting up an authenticator app: a new secret, kept sealed but not in use until a code confirms it. */
export async function startTotpAction(): Promise<void> {
  const user = await requireUser({ settingUpTotp: true });
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current.totpEnabledAt) return;
  const { base32 } = newTotpSecret(user.email);
  await db.user.update({ where: { id: user.id }, data: { totpSecret: sealSecret(base32), totpLastStep: null } });
  revalidatePath("/account/security");
}

/** Confirms the app with a code from it; returns the recovery codes, shown once. */
export async function confirmTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser({ settingUpTotp: true });
  const code = formText(formData, "code").trim();
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (current.totpEnabledAt) return { formError: "alreadyEnabled" };
  if (!current.totpSecret) return { formError: "notFound" };
  if (!code) return { fieldErrors: { code: "required" } };
  const step = acceptedStepSealed(current.totpSecret, code, null);
  if (step === null) return { fieldErrors: { code: "invalidCode" } };
  const ip = await clientIp();
  const codes = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await recordAudit(tx, { actorId: user.id, action: "user.totp", entity: "User", entityId: user.id, fields: ["totpSecret"], ip, detail: { change: "enabled" } });
    return issueRecoveryCodes(tx, user.id);
  });
  return { ok: true, data: { recoveryCodes: codes.join(" ") } };
}

/** Removes the app (with the password), unless the user's role requires one. */
export async function disableTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const required = (await db.securitySetting.findUnique({ where: { id: 1 } }))?.totpRequiredFor ?? [];
  if (required.includes(user.role)) return { formError: "totpRequired" };
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, formText(formData, "current")))) return { fieldErrors: { current: "wrongPassword" } };
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { actorId: user.id, action: "user.totp", entity: "User", entityId: user.id, fields: ["totpSecret"], ip, detail: { change: "disabled" } });
  });
  revalidatePath("/account/security");
  return { ok: true };
}

const emailRemindersSchema = z.object({ emailReminders: z.enum(["IMMEDIATE", "DAILY", "OFF"], { error: "invalidChoice" }) });

/** How reminders reach the signed-in user by e-mail: each at once, a daily digest, or none. */
export async function setEmailRemindersAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = emailRemindersSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return formErrorsFrom(parsed.error);
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { emailReminders: parsed.data.emailReminders } });
    await recordAudit(tx, { actorId: user.id, action: "user.update", entity: "User", entityId: user.id, fields: ["emailReminders"], ip, detail: { emailReminders: parsed.data.emailReminders } });
  });
  revalidatePath("/account");
  return { ok: true };
}
