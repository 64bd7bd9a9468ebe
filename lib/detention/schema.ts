import { z } from "@/lib/zod";
import { blankToNull } from "@/lib/forms";
import { optionalDate, optionalPastDate, requiredPastDate } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

const releaseReason = z.preprocess((v) => blankToNull(typeof v === "string" ? v.trim() : v), z.string().max(500, { error: "tooLong" }).nullable());

function checkDates(value: { startedOn: string; sentenceEndsOn: string | null; releasedOn: string | null; releaseReason: string | null }, ctx: z.RefinementCtx) {
  if (value.sentenceEndsOn && value.sentenceEndsOn < value.startedOn) ctx.addIssue({ code: "custom", path: ["sentenceEndsOn"], message: "beforeStart" });
  if (value.releasedOn && value.releasedOn < value.startedOn) ctx.addIssue({ code: "custom", path: ["releasedOn"], message: "beforeStart" });
  if (value.releasedOn && !value.releaseReason) ctx.addIssue({ code: "custom", path: ["releaseReason"], message: "releaseReasonRequired" });
}

export const detentionSchema = z
  .object({
    personId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
    facilityId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
    startedOn: requiredPastDate,
    sentenceEndsOn: optionalDate,
    releasedOn: optionalPastDate,
    releaseReason,
  })
  .superRefine(checkDates);
export type DetentionInput = z.output<typeof detentionSchema>;

/** Recording a release (or correcting the sentence) on an existing episode. */
export const detentionUpdateSchema = z
  .object({
    version: versionField,
    startedOn: requiredPastDate,
    sentenceEndsOn: optionalDate,
    releasedOn: optionalPastDate,
    releaseReason,
  })
  .superRefine(checkDates);
