"use server";
// Referral forms: validate (zod) → authorize (policy) → one transaction with
// the change and its audit rows (lib/referrals/referrals) → revalidate.
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan, ForbiddenError } from "@/lib/policy";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { ConflictError, conflictState } from "@/lib/locking";
import { referralSchema, referralStatusSchema } from "./schema";
import { createReferral, mayAnswer, ReferralRefused, updateReferralStatus, visibleReferral } from "./referrals";

export async function createReferralAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "referral:create");
  const target = await visibleCaseOr404(user, code);
  const parsed = referralSchema.safeParse(formDataToObject(formData, (name) => name === "sections"));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  try {
    await createReferral(user, target.id, parsed.data, await clientIp());
  } catch (error) {
    if (error instanceof ReferralRefused) return { fieldErrors: { [error.field]: error.reason } };
    throw error;
  }
  revalidatePath(`/cases/${code}/referrals`);
  return { ok: true };
}

export async function updateReferralStatusAction(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const referral = await visibleReferral(user, referralId);
  if (!referral) notFound();
  if (!mayAnswer(referral)) throw new ForbiddenError("referral:answer");
  const parsed = referralStatusSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  try {
    await updateReferralStatus(user, referral, parsed.data, await clientIp());
  } catch (error) {
    if (error instanceof ConflictError) return conflictState(error);
    if (error instanceof ReferralRefused) return { fieldErrors: { [error.field]: error.reason } };
    throw error;
  }
  revalidatePath(`/cases/${referral.case.code}/referrals`);
  revalidatePath(`/referrals/${referralId}`);
  revalidatePath("/referrals");
  return { ok: true };
}
