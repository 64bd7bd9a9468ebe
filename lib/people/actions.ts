"use server";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { db } from "@/lib/db";
import { protectedFields, PROTECTED_FIELDS, type ProtectedField } from "@/lib/policy";
import { blankToNull, type FormState } from "@/lib/forms";
import { caseCommand } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import { conflictFrom } from "@/lib/locking";
import { erasePerson } from "./subject-requests";
import { versionField } from "@/lib/validation/version";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : null), z.string().max(max, { error: "tooLong" }).nullable());

const protectedDetailsSchema = z.object({
  version: versionField,
  religion: text(100),
  phone: text(40),
  address: text(500),
  safeHouse: text(500),
});

const eraseSchema = z.object({
  confirm: z.string({ error: "confirmCode" }).trim().toUpperCase(),
  reason: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(TEXT_LIMITS.reason, { error: "tooLong" }),
});

/**
 * Saves the protected details a person's form sent. Only fields this actor
 * may write are accepted; a field outside their rights is refused, not
 * silently dropped; a field the form did not send is left as it is.
 */
export async function updateProtectedDetailsAction(code: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "person:update", schema: protectedDetailsSchema, ids: [personId] }, async ({ access, input, form, audit }) => {
    const writable = protectedFields(access.actor, "write", { namedOnCase: access.named });
    const sent = PROTECTED_FIELDS.filter((field) => field in form);
    if (sent.some((field) => !writable.includes(field))) refuse("notAllowed");
    const values = Object.fromEntries(sent.map((field) => [field, input[field]])) as Partial<Record<ProtectedField, string | null>>;
    await db.$transaction(async (tx) => {
      const before = await tx.person.findFirst({ where: { id: personId, caseId: access.caseId }, select: { religion: true, phone: true, address: true, safeHouse: true } });
      if (!before) refuse("notFound");
      const changed = sent.filter((field) => before[field] !== values[field]);
      const updated = await tx.person.updateMany({ where: { id: personId, caseId: access.caseId, version: input.version }, data: { ...values, updatedById: access.actor.id, version: { increment: 1 } } });
      if (updated.count === 0) throw await conflictFrom(tx, await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { updatedAt: true, updatedById: true } }));
      // The audit row names the fields changed, never their values.
      await audit(tx, { action: "person.update", entity: "Person", entityId: personId, fields: changed, detail: { protected: true } });
    });
  });
}

/**
 * Erases one person on their request (supervisors). The case code must be
 * typed again and a reason given: this cannot be undone.
 */
export async function erasePersonAction(code: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "person:subject-request", schema: eraseSchema, ids: [personId] }, async ({ access, input, ip }) => {
    if (input.confirm !== access.code) refuse("confirmCode", "confirm");
    const erased = await erasePerson(access, personId, input.reason, ip);
    if (!erased) refuse("notFound");
    redirect(`/cases/${access.code}`);
  });
}
