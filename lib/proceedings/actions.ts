"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { ConflictError, conflictState } from "@/lib/locking";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { openProceedingSchema, transitionSchema } from "./schema";
import { moveProceeding, openProceeding, TransitionRefused } from "./transitions";

export async function openProceedingAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "proceeding:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = openProceedingSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const ip = await clientIp();
  try {
    await db.$transaction((tx) => openProceeding(tx, target.id, parsed.data, { actorId: user.id, ip }));
  } catch (error) {
    if (error instanceof TransitionRefused) return { fieldErrors: { [error.field]: error.messageKey } };
    throw error;
  }
  revalidatePath(`/cases/${code}/proceedings`);
  return { ok: true };
}

export async function moveProceedingAction(code: string, proceedingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "proceeding:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = transitionSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const ip = await clientIp();
  try {
    await db.$transaction((tx) => moveProceeding(tx, target.id, proceedingId, parsed.data, { actorId: user.id, ip }));
  } catch (error) {
    if (error instanceof TransitionRefused) return { fieldErrors: { [error.field]: error.messageKey } };
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  revalidatePath(`/cases/${code}/proceedings`);
  return { ok: true };
}
