"use client";
import { useTranslations } from "next-intl";
import { createHearingAction, recordOutcomeAction } from "@/lib/hearings/actions";
import { HEARING_PURPOSES } from "@/lib/hearings/schema";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function HearingForm({ code, proceedingId, courts, counsel }: { code: string; proceedingId: string; courts: Option[]; counsel: Option[] }) {
  const t = useTranslations("hearings");
  const tPurpose = useTranslations("enums.hearingPurpose");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, conflict } = useFormAction(createHearingAction.bind(null, code, proceedingId));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("record")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("court")} name="courtId" required options={courts} error={errorFor("courtId")} />
        <SelectField label={t("purpose")} name="purpose" required options={HEARING_PURPOSES.map((p) => ({ value: p, label: tPurpose(p) }))} error={errorFor("purpose")} />
        <DateField label={t("date")} name="date" required error={errorFor("date")} />
        <TextField label={t("time")} name="time" required type="time" hint={t("timeHint")} error={errorFor("time")} />
        <TextField label={t("duration")} name="durationMinutes" type="number" defaultValue={120} error={errorFor("durationMinutes")} />
        <SelectField label={t("counsel")} name="counselId" options={[{ value: "", label: t("noCounsel") }, ...counsel]} error={errorFor("counselId")} />
        <TextField label={t("interpreter")} name="interpreter" limit={TEXT_LIMITS.name} autoComplete="off" error={errorFor("interpreter")} />
        <TextField label={t("interpreterLanguage")} name="interpreterLanguage" autoComplete="off" error={errorFor("interpreterLanguage")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("recordSubmit")}
      </Button>
    </form>
  );
}

export function OutcomeForm({
  code,
  hearing,
  proceeding,
}: {
  code: string;
  hearing: { id: string; version: number; outcome: string | null };
  proceeding: { version: number; stage: string; nextStages: string[] };
}) {
  const t = useTranslations("hearings");
  const tStage = useTranslations("stages");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, saved, conflict } = useFormAction(recordOutcomeAction.bind(null, code, hearing.id));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("recordOutcome")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {saved ? <Alert tone="success">{t("outcomeSaved")}</Alert> : null}
      <input type="hidden" name="version" value={hearing.version} />
      <input type="hidden" name="proceedingVersion" value={proceeding.version} />
      <input type="hidden" name="fromStage" value={proceeding.stage} />
      <TextAreaField label={t("outcome")} name="outcome" required limit={TEXT_LIMITS.reason} rows={2} defaultValue={hearing.outcome ?? ""} error={errorFor("outcome")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label={t("nextDate")} name="nextDate" error={errorFor("nextDate")} />
        {proceeding.nextStages.length ? (
          <SelectField
            label={t("alsoMove")}
            name="toStage"
            hint={t("alsoMoveHint")}
            options={[{ value: "", label: t("noMove") }, ...proceeding.nextStages.map((s) => ({ value: s, label: tStage(s) }))]}
            error={errorFor("toStage")}
          />
        ) : null}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("recordOutcomeSubmit")}
      </Button>
    </form>
  );
}
