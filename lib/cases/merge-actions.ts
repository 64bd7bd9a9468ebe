"use server";
// Merge two cases of one household (supervisors): validate → authorize →
// one transaction (lib/cases/merge) → the surviving case.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { ConflictError, conflictState } from "@/lib/locking";
import { visibleCaseOr404 } from "./queries";
import { CASE_CHOICES, JOURNEY_CHOICES, mergeCases, PERSON_CHOICES } from "./merge";

const UUID = /^[0-9a-f-]{36}$/i;
const CHOICES = [...CASE_CHOICES, ...JOURNEY_CHOICES.map((f) => `journey.${f}`), ...PERSON_CHOICES.map((f) => `principal.${f}`)];

export async function mergeCasesAction(survivorCode: string, mergedCode: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "case:merge");
  const survivor = await visibleCaseOr404(user, survivorCode);
  const merged = await visibleCaseOr404(user, mergedCode);
  if (survivor.id === merged.id) return { formError: "mergeSameCase" };
  const form = formDataToObject(formData);
  const parsed = z
    .object({
      survivorVersion: z.coerce.number({ error: "invalid" }).int().positive(),
      mergedVersion: z.coerce.number({ error: "invalid" }).int().positive(),
      confirm: z.string({ error: "confirmCode" }).trim().toUpperCase().refine((v) => v === mergedCode, { error: "confirmCode" }),
    })
    .safeParse(form);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  // "choice.<field>" = "merged" takes that field from the merged case; "same.<merged person id>" = the survivor's person.
  const fromMerged = new Set(CHOICES.filter((field) => formData.get(`choice.${field}`) === "merged"));
  const samePerson = new Map<string, string>();
  for (const [name, value] of formData) {
    if (name.startsWith("same.") && typeof value === "string" && UUID.test(value)) samePerson.set(name.slice(5), value);
  }
  try {
    await mergeCases(user, survivor.id, merged.id, { survivorVersion: parsed.data.survivorVersion, mergedVersion: parsed.data.mergedVersion, fromMerged, samePerson }, await clientIp());
  } catch (error) {
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  revalidatePath("/cases");
  redirect(`/cases/${survivorCode}`);
}
