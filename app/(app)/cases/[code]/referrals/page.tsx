import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { can } from "@/lib/policy";
import { activePartners, caseReferrals } from "@/lib/referrals/referrals";
import { standingConsents } from "@/lib/consent/consents";
import { CaseHeader } from "@/components/cases/case-header";
import { ReferralForm } from "@/components/referrals/referral-form";
import { ReferralStatusBadge } from "@/components/referrals/status-badge";
import { Section } from "@/components/ui/section";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("caseReferrals");

export default async function CaseReferralsPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { section: "referrals" });
  const mayRefer = can(user, "referral:create");
  const [referrals, partners, consents] = await Promise.all([
    caseReferrals(access),
    mayRefer ? activePartners() : Promise.resolve([]),
    mayRefer ? standingConsents(access, ["REFERRAL"]) : Promise.resolve([]),
  ]);
  const t = await getTranslations("referrals");
  const locale = await getLocale();
  const tService = await getTranslations("referrals.service");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="referrals" />
      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="referrals-heading" className="space-y-3 lg:col-span-3">
          <h2 id="referrals-heading" className="text-lg font-semibold">
            {t("title")}
          </h2>
          {referrals.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
          <ul className="space-y-2">
            {referrals.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-300 bg-white p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/referrals/${r.id}`} className="font-semibold text-blue-800 underline">
                    {tService(r.service)} · {localName(r.partner, locale)}
                  </Link>
                  <ReferralStatusBadge status={r.status} />
                </div>
                <p className="text-sm text-slate-700">
                  {t("sentOn", { date: format.dateTime(r.createdAt, "momentDate") })} ·{" "}
                  {r.overrideReason || !r.consent
                    ? t("withoutConsent")
                    : r.consent.withdrawnOn
                      ? t("consentWithdrawnSummary", { date: format.dateTime(r.consent.withdrawnOn, "day") })
                      : t("consentSummary", { date: format.dateTime(r.consent.givenOn, "day") })}
                </p>
              </li>
            ))}
          </ul>
        </section>
        {mayRefer ? (
          <Section id="new-referral-heading" title={t("new")} className="lg:col-span-2" headingClassName="mb-3">
            <ReferralForm
              code={file.code}
              partners={partners.map((p) => ({ ...p, name: localName(p, locale) }))}
              consents={consents.map((c) => ({ id: c.id, person: c.person.latinName, partner: c.partner ? localName(c.partner, locale) : "", givenOn: c.givenOn }))}
              canOverride={can(user, "referral:override")}
            />
          </Section>
        ) : null}
      </div>
    </div>
  );
}
