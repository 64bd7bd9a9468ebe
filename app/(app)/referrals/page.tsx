import type { Metadata } from "next";
import { recordPageView } from "@/lib/page-views";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { requirePermission } from "@/lib/auth/current-user";
import { incomingReferrals } from "@/lib/referrals/referrals";
import { ReferralStatusBadge } from "@/components/referrals/status-badge";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("incomingReferrals");

/** Referrals other teams sent to this team as a partner organisation. */
export default async function IncomingReferralsPage() {
  const user = await requirePermission("referral:receive");
  const referrals = await incomingReferrals(user);
  await recordPageView(user, "referrals", { cases: [], detail: { referrals: referrals.length } });
  const t = await getTranslations("referrals");
  const locale = await getLocale();
  const tService = await getTranslations("referrals.service");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("incomingTitle")}</h1>
      <p className="text-slate-700">{t("incomingIntro")}</p>
      {referrals.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-slate-700">{t("incomingNone")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("incomingTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t("received")}</th>
                <th scope="col" className="p-2">{t("serviceLabel")}</th>
                <th scope="col" className="p-2">{t("from")}</th>
                <th scope="col" className="p-2">{t("to")}</th>
                <th scope="col" className="p-2">{t("statusLabel")}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id} className="border-b border-slate-200">
                  <td className="p-2">
                    <Link href={`/referrals/${r.id}`} className="text-blue-800 underline">
                      {format.dateTime(r.createdAt, "moment")}
                    </Link>
                  </td>
                  <td className="p-2">{tService(r.service)}</td>
                  <td className="p-2">{r.case.team.name}</td>
                  <td className="p-2">{localName(r.partner, locale)}</td>
                  <td className="p-2">
                    <ReferralStatusBadge status={r.status} />
                    {r.sharedRemovedAt ? (
                      <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950" data-testid="incoming-withdrawn">
                        {r.sharedRemovedBecause === "consentWithdrawn" ? t("withdrawnBadge") : t("removedBadge")}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
