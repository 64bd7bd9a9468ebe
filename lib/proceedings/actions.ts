"use server";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { openProceedingSchema, transitionSchema } from "./schema";
import { moveProceeding, openProceeding } from "./transitions";

export async function openProceedingAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "proceeding:manage", schema: openProceedingSchema }, async ({ access, input, ip }) => {
    await db.$transaction((tx) => openProceeding(tx, access, input, ip));
  });
}

export async function moveProceedingAction(code: string, proceedingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "proceeding:manage", schema: transitionSchema, ids: [proceedingId] }, async ({ access, input, ip }) => {
    await db.$transaction((tx) => moveProceeding(tx, access, proceedingId, input, ip));
  });
}
