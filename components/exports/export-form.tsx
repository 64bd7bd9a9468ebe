"use client";
import { useState } from "react";
import { useControlChecked } from "@/components/forms/before-hydration";
import { useTranslations } from "next-intl";
import { IdentifyingChoice } from "./identifying-choice";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EXPORT_AUDIENCES } from "@/lib/exports/audiences";
import { MIN_ARCHIVE_PASSWORD } from "@/lib/exports/archive-password";

/**
 * A plain form posting to the export route, so the browser downloads the
 * streamed file itself. The purpose is checked here for a clear message and
 * again on the server.
 */
export function ExportForm() {
  const t = useTranslations("exports");
  const [identifying, setIdentifying, identifyingCheckbox] = useControlChecked(false);
  const [error, setError] = useState<string | null>(null);
  const [passwordErrors, setPasswordErrors] = useState<{ password: string | null; again: string | null }>({ password: null, again: null });
  return (
    <form
      method="post"
      action="/api/exports/cases"
      className="space-y-3"
      aria-label={t("title")}
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        const purpose = String(form.get("purpose") ?? "").trim();
        const password = String(form.get("archivePassword") ?? "");
        const problems = {
          purpose: identifying && !purpose ? t("purposeRequired") : null,
          password: identifying && password.length < MIN_ARCHIVE_PASSWORD ? t("archivePasswordTooShort", { min: MIN_ARCHIVE_PASSWORD }) : null,
          again: identifying && password !== String(form.get("archivePasswordAgain") ?? "") ? t("archivePasswordsDiffer") : null,
        };
        setError(problems.purpose);
        setPasswordErrors({ password: problems.password, again: problems.again });
        if (problems.purpose || problems.password || problems.again) event.preventDefault();
      }}
    >
      <IdentifyingChoice
        identifying={identifying}
        checkbox={identifyingCheckbox}
        onChange={setIdentifying}
        label={t("identifying")}
        purposeLabel={t("purpose")}
        purposeHint={t("purposeHint")}
        error={error}
      />
      {identifying ? (
        <SelectField
          label={t("audience")}
          name="audience"
          hint={t("audienceHint")}
          options={EXPORT_AUDIENCES.map((a) => ({ value: a, label: t(`audienceOption.${a}`) }))}
        />
      ) : null}
      {identifying ? (
        <fieldset className="space-y-2 rounded border border-slate-300 p-3">
          <legend className="px-1 text-sm font-semibold">{t("archiveLegend")}</legend>
          <p className="text-sm text-slate-700">{t("archiveIntro", { min: MIN_ARCHIVE_PASSWORD })}</p>
          <TextField label={t("archivePassword")} name="archivePassword" type="password" autoComplete="new-password" error={passwordErrors.password ?? undefined} />
          <TextField label={t("archivePasswordAgain")} name="archivePasswordAgain" type="password" autoComplete="new-password" error={passwordErrors.again ?? undefined} />
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="format" value="csv">
          {t("download")}
        </Button>
        <button type="submit" name="format" value="xlsx" className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          {t("downloadXlsx")}
        </button>
      </div>
    </form>
  );
}
