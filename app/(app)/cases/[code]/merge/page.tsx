import type { Metadata } from "next";
import { isLowerSensitivity } from "@/lib/cases/schema";
import { openCasePage } from "@/lib/cases/case-page";
import { getTranslations } from "@/lib/i18n/server";
import { openCase } from "@/lib/cases/access";
import { CASE_CHOICES, JOURNEY_CHOICES, mergeSides, PERSON_CHOICES, type MergeSide } from "@/lib/cases/merge";
import { isoDate } from "@/lib/dates";
import { formatMinor } from "@/lib/money";
import { CaseHeader } from "@/components/cases/case-header";
import { MergeForm, type MergeRow } from "@/components/cases/merge-form";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ with?: string }> };

export const generateMetadata = caseTitle("merge");

/** Merge another case of the same household into this one (supervisors): choose the other case, then the surviving values. */
export default async function MergePage({ params, searchParams }: Props) {
  const { user, access, file, ip } = await openCasePage(params, { purpose: "edit", permission: "case:merge" });
  const t = await getTranslations("merge");
  const otherCode = (await searchParams).with?.trim().toUpperCase() ?? "";
  // Showing the other case beside this one is a view of it, audited as "merge".
  const other = otherCode && otherCode !== file.code ? await openCase(user, otherCode, "merge", ip) : null;
  const sides = other ? await mergeSides(access, other) : null;
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active={null} />
      <Section id="merge-heading" title={t("title", { code: file.code })} className="space-y-3">
        <p className="text-sm text-slate-700">{t("intro", { code: file.code })}</p>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("chooseLabel")}>
          <TextField label={t("otherCode")} name="with" defaultValue={otherCode} placeholder="WP-2026-000123" autoComplete="off" error={otherCode && !other ? t("notFound") : undefined} />
          <Button type="submit" variant="secondary">
            {t("compare")}
          </Button>
        </form>
      </Section>
      {sides ? <Comparison survivor={sides.survivor} merged={sides.merged} /> : null}
    </div>
  );
}

async function Comparison({ survivor, merged }: { survivor: MergeSide; merged: MergeSide }) {
  const t = await getTranslations("merge");
  const enums = await getTranslations("enums");
  const countries = await getTranslations("countries");
  const none = t("empty");
  const country = (c: string | null | undefined) => (c ? (countries.has(c) ? countries(c) : c) : none);
  const principal = (side: MergeSide) => side.people.find((p) => p.relationship === "PRINCIPAL") ?? side.people[0];
  const caseValue = (side: MergeSide, field: (typeof CASE_CHOICES)[number]) =>
    field === "status" ? enums(`status.${side.status}`) : field === "sensitivity" ? enums(`sensitivity.${side.sensitivity}`) : (side.caseworker?.name ?? none);
  const journeyValue = (side: MergeSide, field: (typeof JOURNEY_CHOICES)[number]) => {
    const j = side.journey;
    if (!j) return none;
    switch (field) {
      case "originCountry":
        return country(j.originCountry);
      case "transitCountries":
        return j.transitCountries.length ? j.transitCountries.map(country).join(", ") : none;
      case "entryDate":
        return j.entryDate ? isoDate(j.entryDate) : none;
      case "brokerFee":
        return j.brokerFeeMinor !== null && j.brokerFeeCurrency ? `${formatMinor(j.brokerFeeMinor)} ${j.brokerFeeCurrency}` : none;
      default:
        return j[field] ?? none;
    }
  };
  const personValue = (side: MergeSide, field: (typeof PERSON_CHOICES)[number]) => {
    const p = principal(side);
    switch (field) {
      case "birth":
        return p.birthDate ? isoDate(p.birthDate) : p.birthYear ? String(p.birthYear) : none;
      case "sex":
        return enums(`sex.${p.sex}`);
      case "nationality":
        return country(p.nationality);
      default:
        return p[field] ?? none;
    }
  };
  const rows: MergeRow[] = [
    ...PERSON_CHOICES.map((f) => ({ name: `principal.${f}`, label: t(`principal_${f}`), survivor: personValue(survivor, f), merged: personValue(merged, f) })),
    ...CASE_CHOICES.map((f) => ({
      name: f,
      label: t(`case_${f}`),
      survivor: caseValue(survivor, f),
      merged: caseValue(merged, f),
      // The higher sensitivity is chosen unless the supervisor lowers it, with a reason.
      preferred: f === "sensitivity" && isLowerSensitivity(survivor.sensitivity, merged.sensitivity) ? ("merged" as const) : ("survivor" as const),
    })),
    ...JOURNEY_CHOICES.map((f) => ({ name: `journey.${f}`, label: t(`journey_${f}`), survivor: journeyValue(survivor, f), merged: journeyValue(merged, f) })),
  ];
  const birth = (p: MergeSide["people"][number]) => (p.birthYear ? ` (${p.birthYear})` : "");
  const counts = (side: MergeSide) => t("counts", { ...side._count });
  return (
    <MergeForm
      survivorCode={survivor.code}
      mergedCode={merged.code}
      survivorVersion={survivor.version}
      mergedVersion={merged.version}
      rows={rows}
      mergedMembers={merged.people.filter((p) => p.id !== principal(merged).id).map((p) => ({ id: p.id, label: `${p.latinName}${birth(p)} · ${enums(`relationship.${p.relationship}`)}` }))}
      survivorMembers={survivor.people.filter((p) => p.id !== principal(survivor).id).map((p) => ({ id: p.id, label: `${p.latinName}${birth(p)}` }))}
      survivorCounts={counts(survivor)}
      mergedCounts={counts(merged)}
    />
  );
}
