"use server";
import { revalidatePath } from "next/cache";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { liftHoldSchema, placeHoldSchema } from "./schema";
import { liftHold, placeHold } from "./holds";

export async function placeHoldAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "case:hold", schema: placeHoldSchema }, async ({ access, input, ip }) => {
    await placeHold(access, input.reason, { ip });
    revalidatePath("/dashboard");
  });
}

export async function liftHoldAction(code: string, holdId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "case:hold", schema: liftHoldSchema, ids: [holdId] }, async ({ access, input, ip }) => {
    await liftHold(access, holdId, input.reason, { ip });
    revalidatePath("/dashboard");
  });
}
