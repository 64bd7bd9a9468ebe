import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull } from "@/lib/forms";
import { requiredDate } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

export const createTaskSchema = z.object({
  title: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(TEXT_LIMITS.title, { error: "tooLong" })),
  dueOn: requiredDate,
  assigneeId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
});

export const taskVersionSchema = z.object({
  version: versionField,
});

export const reassignTaskSchema = taskVersionSchema.extend({
  assigneeId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
});
