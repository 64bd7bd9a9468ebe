"use client";
import { useState } from "react";
import { useControlChecked } from "@/components/forms/before-hydration";
import { useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { SelectField } from "@/components/ui/field";
import { IdentifyingChoice } from "@/components/exports/identifying-choice";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";
import { Button } from "@/components/ui/button";

/** A consent to share names that stands today (referral, resettlement submission, UNHCR). */
export type SharingConsent = { id: string; purpose: string; person: string; partner: string | null; givenOn: Date };

/**
 * A plain form posting to the summary route, so the browser downloads the
 * PDF itself. Sections and purpose are checked here for clear messages and
 * again on the server.
 */
export function SummaryForm({ code, consents }: { code: string; consents: SharingConsent[] }) {
  const t = useTranslations("summary");
  const tConsent = useTranslations("consent");
  const format = useKeptFormatter();
  const [consentError, setConsentError] = useState<string | null>(null);
  const [identifying, setIdentifying, identifyingCheckbox] = useControlChecked(false);
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
        const noConsent = identifying && !data.get("consentId");
        setSectionsError(noSections ? t("sectionsRequired") : null);
        setPurposeError(noPurpose ? t("purposeRequired") : null);
        setConsentError(noConsent ? t("consentRequired") : null);
        if (noSections || noPurpose || noConsent) event.preventDefault();
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
        checkbox={identifyingCheckbox}
        onChange={setIdentifying}
        label={t("identifying")}
        purposeLabel={t("purpose")}
        purposeHint={t("purposeHint")}
        error={purposeError}
      />
      {identifying ? (
        consents.length ? (
          <SelectField
            label={t("consent")}
            name="consentId"
            hint={t("consentHint")}
            options={[
              { value: "", label: t("chooseConsent") },
              ...consents.map((c) => ({ value: c.id, label: `${c.person}: ${tConsent(`purpose.${c.purpose}`)}${c.partner ? ` (${c.partner})` : ""}, ${format.dateTime(c.givenOn, "day")}` })),
            ]}
            error={consentError ?? undefined}
          />
        ) : (
          <p role="alert" className="text-sm text-red-700">
            {t("noSharingConsent")}
          </p>
        )
      ) : null}
      <Button type="submit">
        {t("download")}
      </Button>
    </form>
  );
}
