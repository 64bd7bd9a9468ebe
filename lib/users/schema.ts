// What administrators may enter about accounts. Field errors are message
// keys under `errors`.
import { z } from "@/lib/zod";
import { blankToNull } from "@/lib/forms";
import { passwordProblem } from "@/lib/auth/password-policy";
import { ROLES } from "./roles";
import { versionField } from "@/lib/validation/version";


const account = {
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(200, { error: "tooLong" }),
  role: z.enum(ROLES, { error: "invalidChoice" }),
  teamId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
  organisationWide: z.preprocess((v) => v === "on" || v === true, z.boolean()),
};

/** Staff other than administrators belong to a team; only supervisors can be organisation-wide. */
function teamRules(value: { role: string; teamId: string | null; organisationWide: boolean }, ctx: z.RefinementCtx) {
  if (value.role !== "ADMIN" && !value.teamId) ctx.addIssue({ code: "custom", path: ["teamId"], message: "teamRequired" });
  if (value.organisationWide && value.role !== "SUPERVISOR") ctx.addIssue({ code: "custom", path: ["organisationWide"], message: "organisationWideSupervisorsOnly" });
}

/** A new password, checked against the policy and the account it is for. */
export function checkNewPassword(value: { password: string; email?: string; name?: string }, ctx: z.RefinementCtx) {
  const problem = passwordProblem(value.password, value);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}

export const createUserSchema = z
  .object({
    ...account,
    email: z.string({ error: "required" }).trim().toLowerCase().min(1, { error: "required" }).max(254, { error: "tooLong" }).email({ error: "invalidEmail" }),
    password: z.string({ error: "required" }).min(1, { error: "required" }),
  })
  .superRefine(teamRules)
  .superRefine(checkNewPassword);

export const updateUserSchema = z
  .object({ ...account, id: z.string().uuid({ error: "notFound" }), version: versionField })
  .superRefine(teamRules);

export const setPasswordSchema = z.object({
  id: z.string().uuid({ error: "notFound" }),
  password: z.string({ error: "required" }).min(1, { error: "required" }),
});

export const changeOwnPasswordSchema = z
  .object({
    current: z.string({ error: "required" }).min(1, { error: "required" }).max(1024, { error: "tooLong" }),
    password: z.string({ error: "required" }).min(1, { error: "required" }),
    confirm: z.string({ error: "required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const securitySettingSchema = z.object({
  totpRequiredFor: z.array(z.enum(ROLES, { error: "invalidChoice" })).default([]),
  // The longest access a supervisor may give a guest (lib/grants).
  grantMaxDays: z.coerce.number({ error: "invalidGrantMaxDays" }).int({ error: "invalidGrantMaxDays" }).min(1, { error: "invalidGrantMaxDays" }).max(365, { error: "invalidGrantMaxDays" }),
});
