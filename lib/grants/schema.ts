import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull } from "@/lib/forms";
import { requiredDate } from "@/lib/validation/dates";
import { CASE_SECTIONS } from "./sections";

export const grantSchema = z
  .object({
    userId: z.string({ error: "required" }).uuid({ error: "invalidChoice" }),
    sections: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(CASE_SECTIONS, { error: "invalidChoice" })).min(1, { error: "sectionsRequired" })),
    startsOn: requiredDate,
    endsOn: requiredDate,
    reason: z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : v), z.string({ error: "required" }).min(5, { error: "grantReasonRequired" }).max(TEXT_LIMITS.shortReason, { error: "tooLong" })),
  })
  .refine((g) => g.endsOn >= g.startsOn, { path: ["endsOn"], message: "grantEndsBeforeStart" });
export type GrantInput = z.output<typeof grantSchema>;

export const revokeGrantSchema = z.object({});
