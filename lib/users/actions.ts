"use server";
// Account administration: administrators create accounts, change role and
// team, deactivate (every session of that user ends at once), set a new
// password and clear a lost authenticator app. Each change is audited.
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { endAllSessions } from "@/lib/auth/sessions";
import { command } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import { formDataToObject, type FormState } from "@/lib/forms";
import { createUserSchema, securitySettingSchema, setPasswordSchema, updateUserSchema } from "./schema";

const read = (formData: FormData) => formDataToObject(formData, (name) => name === "totpRequiredFor");

// A malformed account id is "not found", like an unknown one.
const accountId = z.string({ error: "notFound" }).uuid({ error: "notFound" });
const setActiveSchema = z.object({ id: accountId, active: z.enum(["true", "false"], { error: "invalid" }) });
const resetTotpSchema = z.object({ id: accountId });

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "user:manage", schema: createUserSchema, read }, async ({ user, input, audit }) => {
    const { password, ...account } = input;
    if (await db.user.findUnique({ where: { email: account.email } })) refuse("emailTaken", "email");
    if (account.teamId && !(await db.team.findUnique({ where: { id: account.teamId } }))) refuse("invalidChoice", "teamId");
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...account, passwordHash, passwordChangedAt: new Date() }, select: { id: true } });
      await audit(tx, { action: "user.create", entity: "User", entityId: created.id, fields: ["email", "name", "role", "teamId", "organisationWide"], detail: { role: account.role } });
    });
    revalidatePath("/admin/users");
    return { ok: true };
  });
}

export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "user:manage", schema: updateUserSchema, read }, async ({ user, input, audit }) => {
    const { id, version, ...account } = input;
    if (id === user.id && account.role !== "ADMIN") refuse("cannotDemoteSelf", "role");
    if (account.teamId && !(await db.team.findUnique({ where: { id: account.teamId } }))) refuse("invalidChoice", "teamId");
    const before = await db.user.findUnique({ where: { id }, select: { name: true, role: true, teamId: true, organisationWide: true } });
    if (!before) refuse("notFound");
    const changed = (Object.keys(account) as (keyof typeof account)[]).filter((field) => before[field] !== account[field]);
    const saved = await db.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({ where: { id, version }, data: { ...account, version: { increment: 1 } } });
      if (updated.count !== 1) return false;
      await audit(tx, { action: "user.update", entity: "User", entityId: id, fields: changed, detail: { role: account.role } });
      return true;
    });
    if (!saved) refuse("accountChanged");
    revalidatePath("/admin/users");
    return { ok: true };
  });
}

/** Deactivating ends every session of the user at once; reactivating lets them sign in again. */
export async function setUserActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "user:manage", schema: setActiveSchema }, async ({ user, input, audit }) => {
    const { id } = input;
    const active = input.active === "true";
    if (id === user.id) refuse("cannotDeactivateSelf");
    const target = await db.user.findUnique({ where: { id }, select: { id: true } });
    if (!target) refuse("notFound");
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { active, version: { increment: 1 } } });
      if (!active) await endAllSessions(tx, id, "deactivated");
      await audit(tx, { action: active ? "user.reactivate" : "user.deactivate", entity: "User", entityId: id, fields: ["active"] });
    });
    revalidatePath("/admin/users");
    return { ok: true };
  });
}

/** Sets a new password for someone who lost theirs; their sessions end. */
export async function setUserPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "user:manage", schema: setPasswordSchema, read }, async ({ user, input, audit }) => {
    const target = await db.user.findUnique({ where: { id: input.id }, select: { id: true, email: true, name: true } });
    if (!target) refuse("notFound");
    const problem = passwordProblem(input.password, target);
    if (problem) refuse(problem, "password");
    const passwordHash = await hashPassword(input.password);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: target.id }, data: { passwordHash, passwordChangedAt: new Date() } });
      await endAllSessions(tx, target.id, "password-changed");
      await audit(tx, { action: "user.password", entity: "User", entityId: target.id, fields: ["passwordHash"], detail: { by: "administrator" } });
    });
    return { ok: true };
  });
}

/** Clears a user's authenticator app and recovery codes (a lost phone); they set it up again at next sign-in if required. */
export async function resetTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "user:manage", schema: resetTotpSchema }, async ({ user, input, audit }) => {
    const { id } = input;
    if (!(await db.user.findUnique({ where: { id }, select: { id: true } }))) refuse("notFound");
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
      await tx.recoveryCode.deleteMany({ where: { userId: id } });
      await endAllSessions(tx, id, "password-changed");
      await audit(tx, { action: "user.totp", entity: "User", entityId: id, fields: ["totpSecret"], detail: { change: "reset by administrator" } });
    });
    revalidatePath("/admin/users");
    return { ok: true };
  });
}

export async function setSecuritySettingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "user:manage", schema: securitySettingSchema, read }, async ({ user, input, audit }) => {
    const { totpRequiredFor, grantMaxDays } = input;
    await db.$transaction(async (tx) => {
      await tx.securitySetting.upsert({ where: { id: 1 }, create: { id: 1, totpRequiredFor, grantMaxDays, updatedById: user.id }, update: { totpRequiredFor, grantMaxDays, updatedById: user.id } });
      await audit(tx, { action: "settings.update", entity: "SecuritySetting", entityId: "1", fields: ["totpRequiredFor", "grantMaxDays"], detail: { totpRequiredFor, grantMaxDays } });
    });
    revalidatePath("/admin/users");
    return { ok: true };
  });
}
