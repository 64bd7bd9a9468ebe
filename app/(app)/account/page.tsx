import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current-user";
import { emailConfigured } from "@/lib/email/config";
import { CalendarLink } from "@/components/account/calendar-link";
import { EmailReminders } from "@/components/account/email-reminders";
import { cardClass, Section } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("account");

/** Who you are signed in as. Also the benchmark's floor: an authenticated page with no case data. */
export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  const tRole = await getTranslations("roles");
  const { hasCalendarLink, emailReminders } = user.settings;
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <dl className={`${cardClass} grid grid-cols-3 gap-2 text-sm`}>
        <dt className="text-slate-700">{t("name")}</dt>
        <dd className="col-span-2">{user.name}</dd>
        <dt className="text-slate-700">{t("email")}</dt>
        <dd className="col-span-2">{user.email}</dd>
        <dt className="text-slate-700">{t("role")}</dt>
        <dd className="col-span-2">{tRole(user.role)}</dd>
        <dt className="text-slate-700">{t("team")}</dt>
        <dd className="col-span-2">{user.teamName ?? t("noTeam")}</dd>
      </dl>
      <p>
        <Link href="/account/security" className="text-blue-800 underline">
          {t("security")}
        </Link>
      </p>
      <Section id="calendar-heading" title={t("calendar")} headingClassName="mb-2">
        <CalendarLink hasLink={hasCalendarLink} />
      </Section>
      <Section id="email-heading" title={t("emailReminders")} headingClassName="mb-2">
        <EmailReminders current={emailReminders} configured={emailConfigured()} />
      </Section>
    </div>
  );
}
