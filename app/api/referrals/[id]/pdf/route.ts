import { getLocale, getTranslations } from "@/lib/i18n/server";
import { isoDate } from "@/lib/dates";
import { localName } from "@/lib/reference/names";
import { currentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/request-context";
import { auditReferralPdf, visibleReferral } from "@/lib/referrals/referrals";
import { renderCaseSummaryPdf } from "@/lib/summaries/pdf";
import { summaryWords } from "@/lib/summaries/words";

export const dynamic = "force-dynamic";

/**
 * The referral as a one-page PDF for the partner: what was shared when it
 * was sent (pseudonymised unless names were chosen), the service, and the
 * consent it rests on. For the sending team and the receiving partner team;
 * every copy is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Sign in required", { status: 401 });
  const referral = await visibleReferral(user, (await params).id);
  if (!referral) return new Response("Not found", { status: 404 });
  // What was shared is no longer shown (consent withdrawn, or past its retention period).
  if (!referral.shared) return new Response("What this referral shared is no longer available.", { status: 410 });
  const t = await getTranslations("referrals");
  const locale = await getLocale();
  const tService = await getTranslations("referrals.service");
  const lead = [
    t("pdfFor", { service: tService(referral.service), partner: localName(referral.partner, locale) }),
    t("pdfReason", { reason: referral.reason }),
    referral.overrideReason || !referral.consent
      ? t("pdfOverride")
      : // Dates as the PDF's footer says it writes them (YYYY-MM-DD), like every date below.
        t("pdfConsent", { date: isoDate(referral.consent.givenOn), method: referral.consent.method, language: referral.consent.interpreterLanguage ?? "" }),
  ];
  const pdf = await renderCaseSummaryPdf(referral.shared, await summaryWords(), lead);
  await auditReferralPdf(user, referral, await clientIp());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="waypoint-referral-${referral.id.slice(0, 8)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
