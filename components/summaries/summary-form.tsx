"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { IdentifyingChoice } from "@/components/exports/identifying-choice";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";
import { Button } from "@/components/ui/button";

/**
 * A plain form posting to the summary route, so the browser downloads the
 * PDF itself. Sections and purpose are checked here for clear messages and
 * again on the server.
 */
export function SummaryForm({ code }: { code: string }) {
  const t = useTranslations("summary");
  const [identifying, setIdentifying] = useState(false);
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const [sectionsError, setSectionsError] = useState<string | null>(null);
  return (
    <form
      method="post"
      action={`/api/cases/${code}/summary`}
      className="space-y-4"
      aria-label={t("formLabel")}
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        const noSections = data.getAll("sections").length === 0;
        const noPurpose = identifying && !String(data.get("purpose") ?? "").trim();
        setSectionsError(noSections ? t("sectionsRequired") : null);
        setPurposeError(noPurpose ? t("purposeRequired") : null);
        if (noSections || noPurpose) event.preventDefault();
      }}
    >
      <fieldset aria-describedby={sectionsError ? "sections-error" : undefined}>
        <legend className="mb-1 text-sm font-semibold">{t("sections")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {SUMMARY_SECTION_NAMES.map((section) => (
            <label key={section} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="sections" value={section} defaultChecked={section !== "documents"} className="h-4 w-4" />
              {t(`section_${section}`)}
            </label>
          ))}
        </div>
        {sectionsError ? (
          <p id="sections-error" className="mt-1 text-sm text-red-700" role="alert">
            {sectionsError}
          </p>
        ) : null}
      </fieldset>
      <IdentifyingChoice
        identifying={identifying}
        onChange={setIdentifying}
        label={t("identifying")}
        purposeLabel={t("purpose")}
        purposeHint={t("purposeHint")}
        error={purposeError}
      />
      <Button type="submit">
        {t("download")}
      </Button>
    </form>
  );
}
