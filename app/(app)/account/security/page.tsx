import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current-user";
import { startTotpAction } from "@/lib/auth/account-actions";
import { enrolmentFor } from "@/lib/auth/totp";
import { accountSecurity } from "@/lib/auth/account";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChangePasswordForm, ConfirmTotpForm, DisableTotpForm } from "@/components/account/security-forms";
import { cardClass } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("security");


export default async function SecurityPage() {
  const user = await requireUser({ settingUpTotp: true });
  const t = await getTranslations("security");
  const format = await getFormatter();
  const account = await accountSecurity(user);
  const { required, unusedCodes } = account;
  const enrolment = !account.totpEnabledAt && account.totpSecret ? await enrolmentFor(account.totpSecret, user.email) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {user.mustSetUpTotp ? <Alert>{t("mustSetUp")}</Alert> : null}
      <section aria-labelledby="totp-heading" className={cardClass}>
        <h2 id="totp-heading" className="mb-2 text-lg font-semibold">
          {t("totp")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("totpIntro")}</p>
        {account.totpEnabledAt ? (
          <div className="space-y-3">
            <p className="text-sm" data-testid="totp-status">
              {t("totpOnSince", { date: format.dateTime(account.totpEnabledAt, "momentDate") })} {t("codesLeft", { count: unusedCodes })}
            </p>
            {required ? <p className="text-sm text-slate-700">{t("requiredForRole")}</p> : <DisableTotpForm />}
          </div>
        ) : enrolment ? (
          <div className="space-y-3">
            <p className="text-sm">{t("scan")}</p>
            {/* The QR code is an SVG made on the server from the secret; it holds no user input. */}
            <div className="h-48 w-48 border border-slate-300 bg-white p-1" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: enrolment.svg }} />
            <p className="text-sm">
              {t("orType")} <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">{enrolment.base32}</code>
            </p>
            <ConfirmTotpForm />
          </div>
        ) : (
          <form action={startTotpAction}>
            <Button type="submit">{t("setUp")}</Button>
          </form>
        )}
      </section>
      <section aria-labelledby="password-heading" className={cardClass}>
        <h2 id="password-heading" className="mb-2 text-lg font-semibold">
          {t("changePassword")}
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
