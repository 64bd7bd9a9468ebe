import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { requireUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/request-context";
import { mayAnswer, openReferral } from "@/lib/referrals/referrals";
import { NEXT_STATUSES } from "@/lib/referrals/schema";
import { ReferralStatusBadge } from "@/components/referrals/status-badge";
import { ReferralStatusForm } from "@/components/referrals/status-form";
import { SharedSummary } from "@/components/referrals/shared-summary";
import { secondaryLinkButtonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("referral");

/**
 * One referral: for the sending team, with a link back to the case; for a
 * receiving partner team, only what was shared and the answer buttons.
 */
export default async function ReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const referral = await openReferral(user, id, await clientIp());
  if (!referral) notFound();
  const t = await getTranslations("referrals");
  const locale = await getLocale();
  const tService = await getTranslations("referrals.service");
  const format = await getFormatter();
  const answers = mayAnswer(referral);
  return (
    <div className="space-y-4">
      {referral.sender ? (
        <Link href={`/cases/${referral.case.code}/referrals`} className="text-sm text-blue-800 underline">
          ← {t("backToCase", { code: referral.case.code })}
        </Link>
      ) : (
        <Link href="/referrals" className="text-sm text-blue-800 underline">
          ← {t("incomingTitle")}
        </Link>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {t("heading", { service: tService(referral.service), partner: localName(referral.partner, locale) })}
        </h1>
        <ReferralStatusBadge status={referral.status} />
      </div>
      <Section id="referral-facts" title={t("details")} className="space-y-2 text-sm">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-slate-700">{t("from")}</dt>
            <dd>{referral.case.team.name}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("received")}</dt>
            <dd>{format.dateTime(referral.createdAt, "moment")}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-700">{t("reason")}</dt>
            <dd className="whitespace-pre-wrap">{referral.reason}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-700">{t("consent")}</dt>
            <dd>
              {referral.overrideReason || !referral.consent
                ? t("overrideShown", { reason: referral.overrideReason ?? "" })
                : t("consentShown", {
                    date: format.dateTime(referral.consent.givenOn, "day"),
                    method: referral.consent.method,
                    language: referral.consent.interpreterLanguage ?? "",
                  })}
              {referral.consent?.withdrawnOn ? <strong className="block">{t("consentWithdrawnSummary", { date: format.dateTime(referral.consent.withdrawnOn, "day") })}</strong> : null}
            </dd>
          </div>
          {referral.statusNote ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-700">{t("statusNote")}</dt>
              <dd>{referral.statusNote}</dd>
            </div>
          ) : null}
        </dl>
        {referral.shared ? (
          <a href={`/api/referrals/${referral.id}/pdf`} className={secondaryLinkButtonClass}>
            {t("pdf")}
          </a>
        ) : null}
      </Section>
      <Section id="shared-heading" title={t("shared")} className="space-y-2">
        {referral.shared ? (
          <SharedSummary summary={referral.shared} />
        ) : (
          <p className="rounded border border-amber-600 bg-amber-50 p-3" data-testid="shared-removed">
            {t(referral.sharedRemovedBecause === "consentWithdrawn" ? "sharedWithdrawn" : "sharedRemoved", { date: format.dateTime(referral.sharedRemovedAt!, "day") })}
          </p>
        )}
      </Section>
      {answers && NEXT_STATUSES[referral.status].length ? (
        <Section id="answer-heading" title={referral.partner.teamId ? t("answer") : t("recordAnswer")} className="space-y-2">
          <ReferralStatusForm id={referral.id} version={referral.version} next={NEXT_STATUSES[referral.status]} />
        </Section>
      ) : null}
    </div>
  );
}
