"use client";
import { useTranslations } from "next-intl";
import { resumeProgrammeAction, suspendProgrammeAction } from "@/lib/programmes/actions";
import { bulkReassignAction } from "@/lib/cases/reassign";
import { Button } from "@/components/ui/button";
import { SelectField, type Option } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

export function ProgrammeSwitch({ programmeId, name, suspended }: { programmeId: string; name: string; suspended: boolean }) {
  const t = useTranslations("programmes");
  const { onSubmit, pending, formError, state } = useFormAction((suspended ? resumeProgrammeAction : suspendProgrammeAction).bind(null, programmeId));
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      <Button type="submit" variant={suspended ? "secondary" : "danger"} disabled={pending} aria-label={`${suspended ? t("resume") : t("suspend")}: ${name}`}>
        {suspended ? t("resume") : t("suspend")}
      </Button>
      {formError ? <span role="alert" className="text-sm text-red-700">{formError}</span> : null}
      {state.ok && state.data ? <span role="status" className="text-sm text-green-800">{t(suspended ? "suspendedCount" : "resumedCount", { count: Number(state.data.count) })}</span> : null}
    </form>
  );
}

export function BulkReassignForm({ staff }: { staff: Option[] }) {
  const t = useTranslations("dashboard");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, state } = useFormAction(bulkReassignAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("reassign")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {state.ok && state.data ? <p role="status" className="text-sm text-green-800">{t("reassigned", { count: Number(state.data.count) })}</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("reassignFrom")} name="fromId" options={staff} error={errorFor("fromId")} />
        <SelectField label={t("reassignTo")} name="toId" options={staff} error={errorFor("toId")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("reassignSubmit")}
      </Button>
    </form>
  );
}
