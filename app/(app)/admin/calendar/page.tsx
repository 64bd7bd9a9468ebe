import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { courtCalendarYear } from "@/lib/deadlines/queries";
import { dbDate, todayInBangkok } from "@/lib/dates";
import { Section } from "@/components/ui/section";
import { AddClosureForm, ClosureList } from "@/components/admin/court-calendar-forms";
import { pageTitle } from "@/lib/page-title";
import { holidayName } from "@/lib/deadlines/holiday-names";

export const generateMetadata = pageTitle("courtCalendar");

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

export default async function CourtCalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePermission("settings:manage");
  const thisYear = Number(todayInBangkok().slice(0, 4));
  const requested = Number((await searchParams).year);
  const validYear = Number.isInteger(requested) && requested >= FIRST_YEAR && requested <= LAST_YEAR;
  const year = validYear ? requested : thisYear;
  const calendar = await courtCalendarYear(year);
  const t = await getTranslations("courtCalendar");
  const tHoliday = await getTranslations("holidays");
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(dbDate(iso), "weekday");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/admin/settings" className="text-blue-800 underline">
            {t("backToSettings")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("title", { year })}</h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
        {(await searchParams).year !== undefined && !validYear ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {t("invalidYear", { year: thisYear })}
          </p>
        ) : null}
        <nav aria-label={t("years")} className="mt-2 flex gap-4 text-sm">
          {year > FIRST_YEAR ? (
            <Link href={`/admin/calendar?year=${year - 1}`} className="text-blue-800 underline">
              ← {year - 1}
            </Link>
          ) : null}
          {year < LAST_YEAR ? (
            <Link href={`/admin/calendar?year=${year + 1}`} className="text-blue-800 underline">
              {year + 1} →
            </Link>
          ) : null}
        </nav>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="closures-heading" title={t("closures")}>
          <p className="mb-3 text-sm text-slate-700">{t("closuresIntro")}</p>
          <ClosureList closures={calendar.closures} />
          <AddClosureForm year={year} />
        </Section>
        <Section id="holidays-heading" title={t("holidays")}>
          <p className="mb-3 text-sm text-slate-700">{t("holidaysIntro")}</p>
          <ul className="divide-y divide-slate-200 text-sm" data-testid="holidays">
            {calendar.holidays.map((h) => (
              <li key={h.date} className="py-2">
                <time dateTime={h.date} className="font-semibold">{day(h.date)}</time> · {holidayName(h.name, tHoliday)}
                {h.onWeekend ? <span className="text-amber-900"> · {t("onWeekend")}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </div>
  );
}
