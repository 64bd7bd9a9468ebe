"use server";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { recordConsentSchema, withdrawConsentSchema } from "./schema";
import { recordConsent, withdrawConsent } from "./consents";

export async function recordConsentAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "consent:record", schema: recordConsentSchema }, async ({ access, input, ip }) => {
    await recordConsent(access, input, ip);
  });
}

/** Takes effect at once: referrals sent under the consent stop showing what they shared. */
export async function withdrawConsentAction(code: string, consentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "consent:record", schema: withdrawConsentSchema, ids: [consentId] }, async ({ access, input, ip }): Promise<FormState> => {
    const { referrals } = await withdrawConsent(access, consentId, input, ip);
    return { ok: true, data: { referrals: String(referrals) } };
  });
}
