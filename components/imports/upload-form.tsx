"use client";
import { useTranslations } from "next-intl";
import { uploadImportAction } from "@/lib/imports/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

export function ImportUploadForm({ teams, sources }: { teams: { id: string; name: string }[]; sources: string[] }) {
  const t = useTranslations("imports");
  const { onSubmit, pending, sending, errorFor, formError, hasFieldErrors } = useFormAction(uploadImportAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("uploadLabel")} encType="multipart/form-data">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("file")} name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hint={t("fileHint")} error={errorFor("file")} />
      <TextField label={t("source")} name="source" list="import-sources" autoComplete="off" hint={t("sourceHint")} error={errorFor("source")} />
      <datalist id="import-sources">
        {sources.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <SelectField label={t("team")} name="teamId" options={teams.map((team) => ({ value: team.id, label: team.name }))} error={errorFor("teamId")} />
      <Button type="submit" disabled={pending}>
        {sending ? t("reading") : t("upload")}
      </Button>
    </form>
  );
}
