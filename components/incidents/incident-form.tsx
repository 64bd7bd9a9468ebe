"use client";
import { useTranslations } from "next-intl";
import { recordIncidentAction } from "@/lib/incidents/actions";
import { INCIDENT_KINDS, SEVERITIES } from "@/lib/incidents/schema";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function IncidentForm({ code }: { code: string }) {
  const t = useTranslations("incidents");
  const tKind = useTranslations("enums.incidentKind");
  const tSeverity = useTranslations("enums.severity");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(recordIncidentAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("record")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <DateField label={t("occurredOn")} name="occurredOn" required error={errorFor("occurredOn")} />
        <SelectField label={t("kind")} name="kind" required options={INCIDENT_KINDS.map((k) => ({ value: k, label: tKind(k) }))} error={errorFor("kind")} />
        <SelectField label={t("severity")} name="severity" required defaultValue="HIGH" options={SEVERITIES.map((s) => ({ value: s, label: tSeverity(s) }))} error={errorFor("severity")} />
      </div>
      <TextAreaField label={t("description")} name="description" required limit={TEXT_LIMITS.description} rows={3} error={errorFor("description")} />
      <p className="text-xs text-slate-700">{t("effect")}</p>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("recordSubmit")}
      </Button>
    </form>
  );
}
