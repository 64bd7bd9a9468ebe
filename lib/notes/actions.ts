"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { noteSchema } from "./schema";
import { addNote } from "./add-note";

export async function addNoteAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "note:create");
  const target = await visibleCaseOr404(user, code);
  const parsed = noteSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  await addNote(user, target.id, parsed.data, await clientIp());
  revalidatePath(`/cases/${code}`);
  return { ok: true };
}
