import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(max, { error: "tooLong" }));

export const closureRequestSchema = z.object({ reason: text(TEXT_LIMITS.reason) });
export const closureDecisionSchema = z.object({
  decision: z.enum(["approve", "return"], { error: "invalidChoice" }),
  comment: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().max(TEXT_LIMITS.reason, { error: "tooLong" })),
}).superRefine((value, ctx) => {
  if (value.decision === "return" && !value.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "commentRequired" });
});
