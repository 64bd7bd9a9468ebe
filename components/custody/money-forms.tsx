"use client";
import { useTranslations } from "next-intl";
import { addExpenseAction, addFineAction, addPaymentAction } from "@/lib/fines/actions";
import { EXPENSE_CATEGORIES, PAYERS } from "@/lib/fines/schema";
import { CURRENCIES } from "@/lib/reference/countries";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";

function usePayerOptions(): Option[] {
  const t = useTranslations("enums.payer");
  return PAYERS.map((p) => ({ value: p, label: t(p) }));
}
const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

export function AddFineForm({ code, people }: { code: string; people: Option[] }) {
  const t = useTranslations("custody");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addFineAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addFine")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <SelectField label={t("person")} name="personId" options={[{ value: "", label: t("wholeHousehold") }, ...people]} error={errorFor("personId")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("amount")} name="amount" required inputMode="decimal" autoComplete="off" error={errorFor("amount")} />
        <SelectField label={t("currency")} name="currency" required options={CURRENCY_OPTIONS} defaultValue="THB" error={errorFor("currency")} />
        <DateField label={t("imposedOn")} name="imposedOn" required error={errorFor("imposedOn")} />
        <TextField label={t("legalBasis")} name="legalBasis" autoComplete="off" error={errorFor("legalBasis")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("addFineSubmit")}
      </Button>
    </form>
  );
}

export function AddPaymentForm({ code, fineId, receipts }: { code: string; fineId: string; receipts: Option[] }) {
  const t = useTranslations("custody");
  const payers = usePayerOptions();
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addPaymentAction.bind(null, code, fineId));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addPayment")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("paymentSaved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("paymentAmount")} name="amount" required inputMode="decimal" autoComplete="off" error={errorFor("amount")} />
        <SelectField label={t("payer")} name="payer" required options={payers} error={errorFor("payer")} />
        <DateField label={t("paidOn")} name="paidOn" required error={errorFor("paidOn")} />
        <SelectField label={t("receipt")} name="receiptDocumentId" options={[{ value: "", label: t("noReceipt") }, ...receipts]} error={errorFor("receiptDocumentId")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("addPaymentSubmit")}
      </Button>
    </form>
  );
}

export function AddExpenseForm({ code, people }: { code: string; people: Option[] }) {
  const t = useTranslations("custody");
  const tCategory = useTranslations("enums.expenseCategory");
  const payers = usePayerOptions();
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addExpenseAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addExpense")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("category")} name="category" required options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: tCategory(c) }))} error={errorFor("category")} />
        <SelectField label={t("person")} name="personId" options={[{ value: "", label: t("wholeHousehold") }, ...people]} error={errorFor("personId")} />
      </div>
      <TextField label={t("description")} name="description" required autoComplete="off" error={errorFor("description")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("amount")} name="amount" required inputMode="decimal" autoComplete="off" error={errorFor("amount")} />
        <SelectField label={t("currency")} name="currency" required options={CURRENCY_OPTIONS} defaultValue="THB" error={errorFor("currency")} />
        <SelectField label={t("payer")} name="payer" required options={payers} error={errorFor("payer")} />
        <DateField label={t("incurredOn")} name="incurredOn" required error={errorFor("incurredOn")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("addExpenseSubmit")}
      </Button>
    </form>
  );
}
