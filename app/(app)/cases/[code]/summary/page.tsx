import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { CaseHeader } from "@/components/cases/case-header";
import { SummaryForm } from "@/components/summaries/summary-form";
import { standingConsents } from "@/lib/consent/consents";
import { SHARING_PURPOSES } from "@/lib/consent/schema";
import { Section } from "@/components/ui/section";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("caseSummary");

/** Choose the sections of a one-page PDF summary for a referral (supervisors). */
export default async function SummaryPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { permission: "case:export" });
  const consents = await standingConsents(access, SHARING_PURPOSES);
  const t = await getTranslations("summary");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active={null} />
      <Section id="summary-heading" title={t("title")} className="max-w-2xl space-y-3">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <SummaryForm code={file.code} consents={consents.map((c) => ({ id: c.id, purpose: c.purpose, person: c.person.latinName, partner: c.partner ? localName(c.partner, locale) : null, givenOn: c.givenOn }))} />
      </Section>
    </div>
  );
}
