"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { personBelongsToCase, visibleCaseOr404 } from "@/lib/cases/queries";
import { toDbDate } from "@/lib/validation/dates";
import { expenseSchema, fineSchema, paymentSchema } from "./schema";
import { wouldOverpay } from "./balance";

export async function addFineAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "custody:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = fineSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (!(await personBelongsToCase(target.id, input.personId))) return { fieldErrors: { personId: "invalidChoice" } };
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    const fine = await tx.fine.create({
      data: { caseId: target.id, personId: input.personId, amountMinor: input.amount, currency: input.currency, legalBasis: input.legalBasis, imposedOn: toDbDate(input.imposedOn), updatedById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "fine.create", entity: "Fine", entityId: fine.id, caseId: target.id, ip });
  });
  revalidatePath(`/cases/${code}/custody`);
  return { ok: true };
}

export async function addPaymentAction(code: string, fineId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "custody:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = paymentSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (input.receiptDocumentId && (await db.document.count({ where: { id: input.receiptDocumentId, caseId: target.id } })) !== 1) {
    return { fieldErrors: { receiptDocumentId: "invalidChoice" } };
  }
  const ip = await clientIp();
  const refused = await db.$transaction(async (tx) => {
    // Lock the fine so two payments at once cannot both fit the same balance.
    const [fine] = await tx.$queryRaw<{ amountMinor: number }[]>`
      select "amountMinor" from "Fine" where id = ${fineId}::uuid and "caseId" = ${target.id}::uuid for update`;
    if (!fine) return "notFound";
    const payments = await tx.finePayment.findMany({ where: { fineId }, select: { amountMinor: true } });
    if (wouldOverpay(fine.amountMinor, payments, input.amount)) return "overpayment";
    const payment = await tx.finePayment.create({
      data: { fineId, amountMinor: input.amount, payer: input.payer, paidOn: toDbDate(input.paidOn), receiptDocumentId: input.receiptDocumentId, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "fine.payment", entity: "FinePayment", entityId: payment.id, caseId: target.id, ip, detail: { fineId } });
    return null;
  });
  if (refused) return { fieldErrors: { amount: refused } };
  revalidatePath(`/cases/${code}/custody`);
  return { ok: true };
}

export async function addExpenseAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "custody:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = expenseSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (!(await personBelongsToCase(target.id, input.personId))) return { fieldErrors: { personId: "invalidChoice" } };
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    const expense = await tx.expense.create({
      data: {
        caseId: target.id,
        personId: input.personId,
        category: input.category,
        description: input.description,
        amountMinor: input.amount,
        currency: input.currency,
        payer: input.payer,
        incurredOn: toDbDate(input.incurredOn),
        createdById: user.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "expense.create", entity: "Expense", entityId: expense.id, caseId: target.id, ip });
  });
  revalidatePath(`/cases/${code}/custody`);
  return { ok: true };
}
