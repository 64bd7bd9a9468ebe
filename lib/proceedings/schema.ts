import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull } from "@/lib/forms";
import { PROCEEDING_TYPES } from "@/lib/workflows";
import { eventDate, optionalDate } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

const reason = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ error: "required" }).min(1, { error: "reasonRequired" }).max(TEXT_LIMITS.reason, { error: "tooLong" }),
);

export const openProceedingSchema = z.object({
  type: z.enum(PROCEEDING_TYPES, { error: "invalidChoice" }),
  stage: z.string({ error: "invalidChoice" }).min(1, { error: "invalidChoice" }),
  occurredOn: eventDate,
  reason,
  reference: z.preprocess((v) => blankToNull(typeof v === "string" ? v.trim() : v), z.string().max(100, { error: "tooLong" }).nullable()),
  certificateExpiresOn: optionalDate,
  programmeId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
  // Ticked after the warning that NSM is not open to North Korean defectors.
  confirmNsm: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type OpenProceedingInput = z.output<typeof openProceedingSchema>;

export const transitionSchema = z.object({
  version: versionField,
  // Hidden: the stage the form was looking at (a move planned from a stage since left is a conflict).
  fromStage: z.string({ error: "invalid" }).min(1, { error: "invalid" }),
  toStage: z.string({ error: "invalidChoice" }).min(1, { error: "chooseStage" }),
  occurredOn: eventDate,
  reason,
});
export type TransitionInput = z.output<typeof transitionSchema>;
