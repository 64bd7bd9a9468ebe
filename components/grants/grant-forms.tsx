"use client";
import { useTranslations } from "next-intl";
import { grantAccessAction, revokeGrantAction } from "@/lib/grants/actions";
import { CASE_SECTIONS } from "@/lib/grants/sections";
import { todayInBangkok } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function GrantForm({ code, guests, maxDays }: { code: string; guests: { id: string; name: string }[]; maxDays: number }) {
  const t = useTranslations("grants");
  const tTabs = useTranslations("caseTabs");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(grantAccessAction.bind(null, code));
  if (guests.length === 0) return <p className="text-sm text-slate-700">{t("noGuests")}</p>;
  const today = todayInBangkok();
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("grant")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("granted")}</Alert> : null}
      <SelectField label={t("guest")} name="userId" required options={[{ value: "", label: t("choose") }, ...guests.map((g) => ({ value: g.id, label: g.name }))]} error={errorFor("userId")} />
      <CheckboxGroup legend={t("sections")} name="sections" required options={CASE_SECTIONS.map((s) => ({ value: s, label: tTabs(s) }))} defaultValues={["overview"]} error={errorFor("sections")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label={t("startsOn")} name="startsOn" required defaultValue={today} error={errorFor("startsOn")} />
        <DateField label={t("endsOn")} name="endsOn" required hint={t("endsOnHint", { days: maxDays })} error={errorFor("endsOn")} />
      </div>
      <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.shortReason} rows={2} hint={t("reasonHint")} error={errorFor("reason")} />
      <Button type="submit" disabled={pending}>
        {t("grantSubmit")}
      </Button>
    </form>
  );
}

export function RevokeGrantForm({ code, grantId, guest }: { code: string; grantId: string; guest: string }) {
  const t = useTranslations("grants");
  const { onSubmit, pending, formError } = useFormAction(revokeGrantAction.bind(null, code, grantId));
  return (
    <form onSubmit={onSubmit} className="mt-1" aria-label={t("revokeFor", { name: guest })}>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("revoke")}
      </Button>
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </form>
  );
}
