"use client";
import { useTranslations } from "next-intl";
import { addDetentionAction, updateDetentionAction } from "@/lib/detention/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import type { Option } from "@/components/ui/field";
import { DateField } from "@/components/ui/date-field";

export function AddDetentionForm({ code, people, facilities }: { code: string; people: Option[]; facilities: Option[] }) {
  const t = useTranslations("custody");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, conflict } = useFormAction(addDetentionAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addDetention")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <SelectField label={t("person")} name="personId" required options={people} error={errorFor("personId")} />
      <SelectField label={t("facility")} name="facilityId" required options={facilities} error={errorFor("facilityId")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label={t("startedOn")} name="startedOn" required error={errorFor("startedOn")} />
        <DateField label={t("sentenceEndsOn")} name="sentenceEndsOn" hint={t("sentenceEndsOnHint")} error={errorFor("sentenceEndsOn")} />
        <DateField label={t("releasedOn")} name="releasedOn" error={errorFor("releasedOn")} />
        <TextField label={t("releaseReason")} name="releaseReason" autoComplete="off" error={errorFor("releaseReason")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("addDetentionSubmit")}
      </Button>
    </form>
  );
}

export function UpdateDetentionForm({
  code,
  episode,
}: {
  code: string;
  episode: { id: string; version: number; startedOn: string; sentenceEndsOn: string | null; releasedOn: string | null; releaseReason: string | null };
}) {
  const t = useTranslations("custody");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, saved, conflict } = useFormAction(updateDetentionAction.bind(null, code, episode.id));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <input type="hidden" name="version" value={episode.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label={t("startedOn")} name="startedOn" required defaultValue={episode.startedOn} error={errorFor("startedOn")} />
        <DateField label={t("sentenceEndsOn")} name="sentenceEndsOn" defaultValue={episode.sentenceEndsOn ?? ""} error={errorFor("sentenceEndsOn")} />
        <DateField label={t("releasedOn")} name="releasedOn" defaultValue={episode.releasedOn ?? ""} error={errorFor("releasedOn")} />
        <TextField label={t("releaseReason")} name="releaseReason" defaultValue={episode.releaseReason ?? ""} autoComplete="off" error={errorFor("releaseReason")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("updateDetentionSubmit")}
      </Button>
    </form>
  );
}
