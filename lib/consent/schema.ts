// Input rules for consent records. Messages are keys under "errors".
import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull } from "@/lib/forms";
import { optionalDate, requiredPastDate } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

export const CONSENT_PURPOSES = ["REFERRAL", "RESETTLEMENT", "UNHCR_SHARING", "PHOTOS_AND_DOCUMENTS", "CONTACT"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ["WRITTEN", "VERBAL_INTERPRETED"] as const;

/** The purposes under which a case's details, with names, may leave the organisation (a referral, a submission). */
export const SHARING_PURPOSES: readonly ConsentPurpose[] = ["REFERRAL", "RESETTLEMENT", "UNHCR_SHARING"];

const text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)), z.string({ error: "invalid" }).max(max, { error: "tooLong" }).nullable());
const optionalId = z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)), z.string().uuid({ error: "invalidChoice" }).nullable());

export const recordConsentSchema = z
  .object({
    personId: z.string({ error: "required" }).uuid({ error: "invalidChoice" }),
    purpose: z.enum(CONSENT_PURPOSES, { error: "invalidChoice" }),
    partnerId: optionalId,
    method: z.enum(CONSENT_METHODS, { error: "invalidChoice" }),
    interpreter: text(TEXT_LIMITS.name),
    interpreterLanguage: text(100),
    givenOn: requiredPastDate,
    validUntil: optionalDate,
  })
  .superRefine((consent, ctx) => {
    // A referral's consent names the partner it covers; no other purpose does.
    if (consent.purpose === "REFERRAL" && !consent.partnerId) ctx.addIssue({ code: "custom", path: ["partnerId"], message: "consentPartnerRequired" });
    if (consent.purpose !== "REFERRAL" && consent.partnerId) ctx.addIssue({ code: "custom", path: ["partnerId"], message: "consentPartnerOnlyForReferral" });
    // Given aloud through an interpreter: who interpreted, and in which language.
    if (consent.method === "VERBAL_INTERPRETED") {
      if (!consent.interpreter) ctx.addIssue({ code: "custom", path: ["interpreter"], message: "required" });
      if (!consent.interpreterLanguage) ctx.addIssue({ code: "custom", path: ["interpreterLanguage"], message: "required" });
    }
    if (consent.validUntil && consent.validUntil < consent.givenOn) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "consentEndsBeforeGiven" });
  });
export type RecordConsentInput = z.output<typeof recordConsentSchema>;

export const withdrawConsentSchema = z.object({
  version: versionField,
  withdrawnOn: requiredPastDate,
  note: text(TEXT_LIMITS.shortReason),
});
export type WithdrawConsentInput = z.output<typeof withdrawConsentSchema>;
