import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull } from "@/lib/forms";
import { optionalDate, requiredDate, timeOfDay } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

export const HEARING_PURPOSES = ["FIRST_HEARING", "WITNESS", "BAIL", "VERDICT", "COURT_ORDER", "APPEAL", "OTHER"] as const;

const optionalText = (max: number) => z.preprocess((v) => blankToNull(typeof v === "string" ? v.trim() : v), z.string().max(max, { error: "tooLong" }).nullable());

export const hearingSchema = z.object({
  courtId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
  date: requiredDate,
  time: timeOfDay,
  durationMinutes: z.coerce.number({ error: "invalidDuration" }).int({ error: "invalidDuration" }).min(15, { error: "invalidDuration" }).max(720, { error: "invalidDuration" }),
  purpose: z.enum(HEARING_PURPOSES, { error: "invalidChoice" }),
  counselId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
  interpreter: optionalText(TEXT_LIMITS.name),
  interpreterLanguage: optionalText(60),
});
export type HearingInput = z.output<typeof hearingSchema>;

/** The outcome of a hearing, and optionally the stage move it causes. */
export const outcomeSchema = z.object({
  version: versionField,
  outcome: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(TEXT_LIMITS.reason, { error: "tooLong" })),
  nextDate: optionalDate,
  toStage: z.preprocess(blankToNull, z.string().nullable()),
  proceedingVersion: versionField.optional(),
  fromStage: z.string({ error: "invalid" }).optional(),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;
