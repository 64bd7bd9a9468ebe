import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { openCasePage } from "@/lib/cases/case-page";
import { can } from "@/lib/policy";
import { caseConsents } from "@/lib/consent/consents";
import { activePartners } from "@/lib/referrals/referrals";
import { CaseHeader } from "@/components/cases/case-header";
import { Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { RecordConsentForm, WithdrawConsentForm } from "@/components/consent/consent-forms";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("consent");

const STATE_STYLE = { standing: "border-emerald-600 bg-emerald-50", future: "border-slate-300", expired: "border-slate-300 bg-slate-50", withdrawn: "border-amber-600 bg-amber-50" } as const;

/** Each person's consents, purpose by purpose, as a history: given, how, until when, withdrawn. */
export default async function ConsentPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { section: "consent" });
  const mayRecord = can(user, "consent:record");
  const [consents, partners] = await Promise.all([caseConsents(access), mayRecord ? activePartners() : Promise.resolve([])]);
  const t = await getTranslations("consent");
  const locale = await getLocale();
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="consent" />
      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="consents-heading" className="space-y-3 lg:col-span-3">
          <h2 id="consents-heading" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-700">{t("intro")}</p>
          {consents.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
          <ul className="space-y-2" data-testid="consents">
            {consents.map((c) => (
              <li key={c.id} className={`rounded-lg border p-3 text-sm ${STATE_STYLE[c.state]}`} data-state={c.state}>
                <p className="font-semibold">
                  {c.person.latinName} · {t(`purpose.${c.purpose}`)}
                  {c.partner ? ` · ${localName(c.partner, locale)}` : ""} · {t(`state.${c.state}`)}
                </p>
                <p>
                  {t("given", { date: format.dateTime(c.givenOn, "day") })} · {t(`method.${c.method}`)}
                  {c.interpreter ? ` · ${t("interpretedBy", { name: c.interpreter, language: c.interpreterLanguage ?? "" })}` : ""}
                  {c.validUntil ? ` · ${t("until", { date: format.dateTime(c.validUntil, "day") })}` : ""}
                </p>
                <p className="text-slate-700">
                  {t("recordedBy", { name: c.recordedBy ?? "?", time: format.dateTime(c.recordedAt, "moment") })}
                  {c._count.referrals ? ` · ${t("referralsUnder", { count: c._count.referrals })}` : ""}
                </p>
                {c.note ? <p className="text-slate-700">{c.note}</p> : null}
                {c.withdrawnAt ? (
                  <p className="mt-1">
                    {t("withdrawnLine", { date: format.dateTime(c.withdrawnOn!, "day"), name: c.withdrawnBy ?? "?" })}
                    {c.withdrawalNote ? `: ${c.withdrawalNote}` : ""}
                  </p>
                ) : mayRecord ? (
                  <Disclosure size="small" className="mt-2" summary={t("withdraw")}>
                    <WithdrawConsentForm code={file.code} consentId={c.id} version={c.version} referrals={c._count.referrals} />
                  </Disclosure>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        {mayRecord ? (
          <Section id="record-consent-heading" title={t("record")} className="lg:col-span-2" headingClassName="mb-3">
            <RecordConsentForm code={file.code} people={file.people.map((p) => ({ id: p.id, name: p.latinName }))} partners={partners.map((p) => ({ id: p.id, name: localName(p, locale) }))} />
          </Section>
        ) : null}
      </div>
    </div>
  );
}
