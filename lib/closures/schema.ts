import { z } from "zod";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(max, { error: "tooLong" }));

export const closureRequestSchema = z.object({ reason: text(2000) });
export const closureDecisionSchema = z.object({
  decision: z.enum(["approve", "return"], { error: "invalidChoice" }),
  comment: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().max(2000, { error: "tooLong" })),
}).superRefine((value, ctx) => {
  if (value.decision === "return" && !value.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "commentRequired" });
});
