"use server";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { personBelongsToCase } from "@/lib/cases/queries";
import { expenseSchema, fineSchema, paymentSchema } from "./schema";
import { wouldOverpay } from "./balance";
import { dbDate } from "@/lib/dates";

export async function addFineAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "custody:manage", schema: fineSchema }, async ({ access, input, audit }) => {
    if (!(await personBelongsToCase(access, input.personId))) refuse("invalidChoice", "personId");
    await db.$transaction(async (tx) => {
      const fine = await tx.fine.create({
        data: { caseId: access.caseId, personId: input.personId, amountMinor: input.amount, currency: input.currency, legalBasis: input.legalBasis, imposedOn: dbDate(input.imposedOn), updatedById: access.actor.id },
        select: { id: true },
      });
      await audit(tx, { action: "fine.create", entity: "Fine", entityId: fine.id, occurredOn: input.imposedOn });
    });
  });
}

export async function addPaymentAction(code: string, fineId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "custody:manage", schema: paymentSchema, ids: [fineId] }, async ({ access, input, audit }) => {
    if (input.receiptDocumentId && (await db.document.count({ where: { id: input.receiptDocumentId, caseId: access.caseId } })) !== 1) {
      refuse("invalidChoice", "receiptDocumentId");
    }
    await db.$transaction(async (tx) => {
      // Lock the fine so two payments at once cannot both fit the same balance.
      const [fine] = await tx.$queryRaw<{ amountMinor: number }[]>`
        select "amountMinor" from "Fine" where id = ${fineId}::uuid and "caseId" = ${access.caseId}::uuid for update`;
      if (!fine) refuse("notFound");
      const payments = await tx.finePayment.findMany({ where: { fineId }, select: { amountMinor: true } });
      if (wouldOverpay(fine.amountMinor, payments, input.amount)) refuse("overpayment", "amount");
      const payment = await tx.finePayment.create({
        data: { fineId, amountMinor: input.amount, payer: input.payer, paidOn: dbDate(input.paidOn), receiptDocumentId: input.receiptDocumentId, createdById: access.actor.id },
        select: { id: true },
      });
      await audit(tx, { action: "fine.payment", entity: "FinePayment", entityId: payment.id, detail: { fineId }, occurredOn: input.paidOn });
    });
  });
}

export async function addExpenseAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "custody:manage", schema: expenseSchema }, async ({ access, input, audit }) => {
    if (!(await personBelongsToCase(access, input.personId))) refuse("invalidChoice", "personId");
    await db.$transaction(async (tx) => {
      const expense = await tx.expense.create({
        data: {
          caseId: access.caseId,
          personId: input.personId,
          category: input.category,
          description: input.description,
          amountMinor: input.amount,
          currency: input.currency,
          payer: input.payer,
          incurredOn: dbDate(input.incurredOn),
          createdById: access.actor.id,
        },
        select: { id: true },
      });
      await audit(tx, { action: "expense.create", entity: "Expense", entityId: expense.id });
    });
  });
}
