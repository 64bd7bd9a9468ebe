import { z } from "@/lib/zod";
import { requiredDate } from "@/lib/validation/dates";

// Kept here, not beside the calendar: forms in the browser need the kinds,
// and must not pull the holiday library into the page.
export const CLOSURE_KINDS = ["SUBSTITUTION", "CLOSURE"] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const closureSchema = z.object({
  date: requiredDate,
  kind: z.enum(CLOSURE_KINDS, { error: "invalidChoice" }),
  name: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "tooLong" })),
});

export const removeClosureSchema = z.object({ date: requiredDate });
