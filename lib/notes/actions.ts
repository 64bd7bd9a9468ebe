"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { noteSchema } from "./schema";

export async function addNoteAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "note:create");
  const target = await visibleCaseOr404(user, code);
  const parsed = noteSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    const note = await tx.note.create({ data: { ...parsed.data, caseId: target.id, authorId: user.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "note.create",
      entity: "Note",
      entityId: note.id,
      caseId: target.id,
      ip,
      detail: { kind: parsed.data.kind, confidential: parsed.data.confidential },
    });
  });
  revalidatePath(`/cases/${code}`);
  return { ok: true };
}
