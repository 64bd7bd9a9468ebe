import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const PARTY_ROLES = ["COMPLAINANT", "ADVERSE_PARTY", "WITNESS"] as const;

export const nameCounselSchema = z.object({
  counselId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
  confirmConflict: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

export const partySchema = z.object({
  name: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(TEXT_LIMITS.name, { error: "tooLong" })),
  role: z.enum(PARTY_ROLES, { error: "invalidChoice" }),
});
