"use server";
// Referral forms, through the command pipeline (lib/commands): the change
// and its audit rows are one transaction in lib/referrals/referrals.
import { revalidatePath } from "next/cache";
import { formDataToObject, type FormState } from "@/lib/forms";
import { caseCommand, command } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import type { Actor } from "@/lib/policy";
import { referralSchema, referralStatusSchema } from "./schema";
import { createReferral, mayAnswer, updateReferralStatus, visibleReferral, type VisibleReferral } from "./referrals";

export async function createReferralAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const read = (form: FormData) => formDataToObject(form, (name) => name === "sections");
  return caseCommand(code, formData, { permission: "referral:create", schema: referralSchema, read }, async ({ access, input, ip }) => {
    await createReferral(access, input, ip);
  });
}

/** The partner's answer: recorded by the partner's own team, or by the sending team for a partner outside this deployment. */
export async function updateReferralStatusAction(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  // Read once: the guard keeps what it found for the body.
  let referral: VisibleReferral | null = null;
  const mayActOn = async (user: Actor) => {
    referral = await visibleReferral(user, referralId);
    return referral !== null && mayAnswer(referral);
  };
  return command(formData, { permission: ["referral:create", "referral:receive"], schema: referralStatusSchema, ids: [referralId], mayActOn }, async ({ user, input, ip }) => {
    if (!referral) refuse("notFound");
    await updateReferralStatus(user, referral, input, ip);
    revalidatePath(`/cases/${referral.case.code}/referrals`);
    revalidatePath(`/referrals/${referralId}`);
    revalidatePath("/referrals");
  });
}
