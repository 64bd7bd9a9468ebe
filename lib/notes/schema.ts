import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const NOTE_KINDS = ["CONTACT", "VISIT", "CALL", "EMBASSY_CONTACT", "MEDICAL", "OTHER"] as const;
export const NOTE_MAX_LENGTH = TEXT_LIMITS.note;

export const noteSchema = z.object({
  kind: z.enum(NOTE_KINDS, { error: "invalidChoice" }),
  body: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: "required" }).min(1, { error: "required" }).max(NOTE_MAX_LENGTH, { error: "tooLong" }),
  ),
  confidential: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  // Made by the writer's page for each note it sends: a note sent twice with one key is saved once.
  idempotencyKey: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().uuid({ error: "invalid" }).optional()),
});
export type NoteInput = z.output<typeof noteSchema>;
