// Input rules for referrals: the single source for the server actions and
// the forms. Messages are keys under "errors" in messages/*.json.
import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull } from "@/lib/forms";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";
import { versionField } from "@/lib/validation/version";

export const REFERRAL_SERVICES = ["MEDICAL", "LEGAL", "EDUCATION", "SHELTER", "LIVELIHOOD", "PSYCHOSOCIAL"] as const;
export const REFERRAL_STATUSES = ["SENT", "ACCEPTED", "DECLINED", "COMPLETED"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Where a referral may go next: a partner accepts or declines, then completes what it accepted. */
export const NEXT_STATUSES: Record<ReferralStatus, ReferralStatus[]> = {
  SENT: ["ACCEPTED", "DECLINED"],
  ACCEPTED: ["COMPLETED"],
  DECLINED: [],
  COMPLETED: [],
};

const text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)), z.string({ error: "invalid" }).max(max, { error: "tooLong" }).nullable());

export const referralSchema = z
  .object({
    partnerId: z.string({ error: "required" }).uuid({ error: "invalidChoice" }),
    service: z.enum(REFERRAL_SERVICES, { error: "invalidChoice" }),
    reason: text(TEXT_LIMITS.shortReason).refine((v) => v !== null, { error: "required" }),
    sections: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(SUMMARY_SECTION_NAMES, { error: "invalidChoice" })).min(1, { error: "sectionsRequired" })),
    identifying: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    consentId: z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)), z.string().uuid({ error: "invalidChoice" }).nullable()),
    overrideReason: text(TEXT_LIMITS.shortReason),
  })
  .superRefine((referral, ctx) => {
    // A referral rests on the person's recorded consent (lib/consent), or on a supervisor's stated reason.
    if (referral.consentId) {
      if (referral.overrideReason) ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "overrideWithConsent" });
    } else if (!referral.overrideReason) {
      ctx.addIssue({ code: "custom", path: ["consentId"], message: "consentRequired" });
    } else if (referral.overrideReason.length < 10) {
      ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "overrideReasonShort" });
    }
  });
export type ReferralInput = z.output<typeof referralSchema>;

export const referralStatusSchema = z.object({
  version: versionField,
  status: z.enum(["ACCEPTED", "DECLINED", "COMPLETED"], { error: "invalidChoice" }),
  note: text(1000),
});
