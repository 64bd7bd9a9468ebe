import { z } from "@/lib/zod";
import { MAX_MONTHS, MIN_MONTHS, RETENTION_KINDS } from "./kinds";

export const retentionRuleSchema = z.object({
  kind: z.enum(RETENTION_KINDS, { error: "invalidChoice" }),
  months: z.coerce.number({ error: "invalidMonths" }).int({ error: "invalidMonths" }).min(MIN_MONTHS, { error: "invalidMonths" }).max(MAX_MONTHS, { error: "invalidMonths" }),
  action: z.enum(["ANONYMISE", "DELETE"], { error: "invalidChoice" }),
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  version: z.coerce.number({ error: "conflict" }).int({ error: "conflict" }).min(0, { error: "conflict" }),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleSchema>;
// The button's form says what it asks for: a request without it (a stray or forged call) starts nothing.
export const retentionRunSchema = z.object({ confirm: z.literal("run", { error: "invalidChoice" }) });
