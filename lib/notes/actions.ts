"use server";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { noteSchema } from "./schema";
import { addNote } from "./add-note";

export async function addNoteAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "note:create", schema: noteSchema }, async ({ access, input, ip }) => {
    await addNote(access, input, ip);
  });
}
