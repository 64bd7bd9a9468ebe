"use server";
// Merge two cases of one household (supervisors): both cases opened through
// the command pipeline → one transaction (lib/cases/merge) → the surviving case.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import type { FormState } from "@/lib/forms";
import { caseCommand } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import { isUuid } from "@/lib/validation/ids";
import { openCase } from "./access";
import { CASE_CHOICES, JOURNEY_CHOICES, mergeCases, PERSON_CHOICES } from "./merge";
import { versionField } from "@/lib/validation/version";

const CHOICES = [...CASE_CHOICES, ...JOURNEY_CHOICES.map((f) => `journey.${f}`), ...PERSON_CHOICES.map((f) => `principal.${f}`)];

const mergeSchema = z.object({
  survivorVersion: versionField,
  mergedVersion: versionField,
  confirm: z.string({ error: "confirmCode" }).trim().toUpperCase(),
  sensitivityReason: z.string().max(2000, { error: "tooLong" }).optional(),
});

export async function mergeCasesAction(survivorCode: string, mergedCode: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(survivorCode, formData, { permission: "case:merge", schema: mergeSchema }, async ({ access, input, ip }) => {
    const merged = await openCase(access.actor, mergedCode, "change", ip);
    if (!merged) refuse("notFound");
    if (merged.caseId === access.caseId) refuse("mergeSameCase");
    if (input.confirm !== merged.code) refuse("confirmCode", "confirm");
    // "choice.<field>" = "merged" takes that field from the merged case; "same.<merged person id>" = the survivor's person.
    const fromMerged = new Set(CHOICES.filter((field) => formData.get(`choice.${field}`) === "merged"));
    const samePerson = new Map<string, string>();
    for (const [name, value] of formData) {
      if (name.startsWith("same.") && isUuid(value)) samePerson.set(name.slice(5), value);
    }
    const sensitivityReason = typeof input.sensitivityReason === "string" ? input.sensitivityReason : "";
    await mergeCases(access, merged, { survivorVersion: input.survivorVersion, mergedVersion: input.mergedVersion, fromMerged, samePerson, sensitivityReason }, ip);
    revalidatePath("/cases");
    redirect(`/cases/${access.code}`);
  });
}
