import { z } from "zod";
import { blankToNull } from "@/lib/forms";
import { requiredDate } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

export const createTaskSchema = z.object({
  title: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(300, { error: "tooLong" })),
  dueOn: requiredDate,
  assigneeId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
});

export const taskVersionSchema = z.object({
  version: versionField,
});

export const reassignTaskSchema = taskVersionSchema.extend({
  assigneeId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
});
