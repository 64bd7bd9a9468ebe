"use server";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan, protectedFields, PROTECTED_FIELDS, type ProtectedField } from "@/lib/policy";
import { blankToNull, fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { conflictFrom, conflictState, ConflictError } from "@/lib/locking";
import { namedOnCase } from "./protected";
import { erasePerson } from "./subject-requests";
import { redirect } from "next/navigation";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? blankToNull(v.trim()) : null), z.string().max(max, { error: "tooLong" }).nullable());
const LIMITS: Record<ProtectedField, number> = { religion: 100, phone: 40, address: 500, safeHouse: 500 };

/**
 * Saves the protected details a person's form sent. Only fields this actor
 * may write are accepted; a field outside their rights is refused, not
 * silently dropped.
 */
export async function updateProtectedDetailsAction(code: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "person:update");
  const target = await visibleCaseOr404(user, code);
  const membership = await db.case.findUniqueOrThrow({ where: { id: target.id }, select: { caseworkerId: true, members: { select: { user: { select: { id: true } } } } } });
  const writable = protectedFields(user, "write", { namedOnCase: namedOnCase(user, membership) });
  const raw = formDataToObject(formData);
  const sent = PROTECTED_FIELDS.filter((field) => field in raw);
  if (sent.some((field) => !writable.includes(field))) return { formError: "notAllowed" };
  const schema = z.object({
    version: z.coerce.number({ error: "invalid" }).int().positive(),
    ...Object.fromEntries(sent.map((field) => [field, text(LIMITS[field])])),
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const { version, ...values } = parsed.data as { version: number } & Partial<Record<ProtectedField, string | null>>;
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.person.findFirst({ where: { id: personId, caseId: target.id }, select: { religion: true, phone: true, address: true, safeHouse: true } });
      if (!before) notFound();
      const changed = sent.filter((field) => before[field] !== values[field]);
      const updated = await tx.person.updateMany({ where: { id: personId, caseId: target.id, version }, data: { ...values, updatedById: user.id, version: { increment: 1 } } });
      if (updated.count === 0) throw await conflictFrom(tx, await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { updatedAt: true, updatedById: true } }));
      // The audit row names the fields changed, never their values.
      await recordAudit(tx, { actorId: user.id, action: "person.update", entity: "Person", entityId: personId, caseId: target.id, fields: changed, ip, detail: { protected: true } });
    });
  } catch (error) {
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  // The whole case, including this edit page, so every form on it carries the new version.
  revalidatePath(`/cases/${code}`, "layout");
  return { ok: true };
}

/**
 * Erases one person on their request (supervisors). The case code must be
 * typed again and a reason given: this cannot be undone.
 */
export async function erasePersonAction(code: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "person:subject-request");
  const target = await visibleCaseOr404(user, code);
  const parsed = z
    .object({
      confirm: z.string().trim().toUpperCase().refine((v) => v === code, { error: "confirmCode" }),
      reason: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
    })
    .safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const erased = await erasePerson(user.id, target.id, personId, parsed.data.reason, await clientIp());
  if (!erased) notFound();
  revalidatePath(`/cases/${code}`, "layout");
  redirect(`/cases/${code}`);
}
