import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { requiredPastDate } from "@/lib/validation/dates";

export const INCIDENT_KINDS = ["THREAT", "SURVEILLANCE", "HOME_VISIT_BY_FOREIGN_OFFICIALS", "ABDUCTION_ATTEMPT", "OTHER"] as const;
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;

export const incidentSchema = z.object({
  occurredOn: requiredPastDate,
  kind: z.enum(INCIDENT_KINDS, { error: "invalidChoice" }),
  severity: z.enum(SEVERITIES, { error: "invalidChoice" }),
  description: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(TEXT_LIMITS.description, { error: "tooLong" })),
});
