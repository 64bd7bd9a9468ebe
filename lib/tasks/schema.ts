import { z } from "zod";
import { blankToNull } from "@/lib/forms";
import { requiredDate } from "@/lib/validation/dates";

export const createTaskSchema = z.object({
  title: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(300, { error: "tooLong" })),
  dueOn: requiredDate,
  assigneeId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
});

export const taskVersionSchema = z.object({
  version: z.coerce.number({ error: "invalid" }).int().positive(),
});

export const reassignTaskSchema = taskVersionSchema.extend({
  assigneeId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
});
