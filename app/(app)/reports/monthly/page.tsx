import type { Metadata } from "next";
import { readRecordingView } from "@/lib/page-views";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { dashboardFigures, figureTeams } from "@/lib/dashboard/figures";
import { dbDate, isMonthParam, lastOfMonth, todayInBangkok } from "@/lib/dates";
import { PrintButton } from "@/components/ui/print-button";
import { Button } from "@/components/ui/button";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("monthlyReport");

function monthBounds(month: string) {
  return { from: `${month}-01`, to: lastOfMonth(month) };
}

/** A printable month for donors: counts only, from the dashboard's figures; no case codes or names. */
export default async function MonthlyReportPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requirePermission("dashboard:read");
  const requested = (await searchParams).month;
  const month = isMonthParam(requested) ? requested : todayInBangkok().slice(0, 7);
  // The view's row names the month only (the report shows no case), so it is written while the figures are read.
  const figures = await readRecordingView(async () => dashboardFigures((await figureTeams(user)).selected, monthBounds(month), { detainedListed: 0, hearingsListed: 0 }), user, "monthly-report", { cases: [], detail: { month } });
  const t = await getTranslations("report");
  const tCountry = await getTranslations("countries");
  const tType = await getTranslations("enums.proceedingType");
  const tStage = await getTranslations("stages");
  const format = await getFormatter();
  const country = (code: string) => (tCountry.has(code) ? tCountry(code) : code);
  const sum = (rows: { people: number }[]) => rows.reduce((total, row) => total + row.people, 0);
  const openCases = figures.byStatus.filter((r) => r.status !== "CLOSED").reduce((total, r) => total + r.count, 0);
  const monthName = format.dateTime(dbDate(`${month}-15`), "month");
  const cell = "border border-slate-300 px-2 py-1";
  return (
    <article className="mx-auto max-w-3xl space-y-5 bg-white p-6 print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <form method="get" action="/reports/monthly" className="flex items-end gap-2">
          <div>
            <label htmlFor="report-month" className="block text-sm font-medium">
              {t("month")}
            </label>
            <input id="report-month" type="month" name="month" defaultValue={month} className="rounded-md border border-slate-400 px-2 py-1" />
          </div>
          <Button type="submit">
            {t("show")}
          </Button>
        </form>
        <PrintButton label={t("print")} />
      </div>
      <h1 className="text-2xl font-bold">{t("title", { month: monthName })}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="report-summary">
        {[
          [t("newHouseholds"), figures.newCases.reduce((total, r) => total + r.households, 0)],
          [t("arrivals"), sum(figures.arrivals)],
          [t("departures"), sum(figures.departures)],
          [t("detainedNow"), figures.detained.total],
          [t("openCases"), openCases],
          [t("over30"), figures.detained.over30],
        ].map(([label, value]) => (
          <div key={String(label)} className="rounded border border-slate-300 p-2">
            <dt className="text-xs text-slate-700">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="mb-1 font-semibold">{t("byNationality")}</h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <th className={cell}>{t("nationality")}</th>
              <th className={cell}>{t("newHouseholds")}</th>
              <th className={cell}>{t("arrivals")}</th>
            </tr>
          </thead>
          <tbody>
            {[...new Set([...figures.newCases.map((r) => r.nationality), ...figures.arrivals.map((r) => r.nationality)])].sort().map((code) => (
              <tr key={code}>
                <td className={cell}>{country(code)}</td>
                <td className={cell}>{figures.newCases.filter((r) => r.nationality === code).reduce((total, r) => total + r.households, 0)}</td>
                <td className={cell}>{sum(figures.arrivals.filter((r) => r.nationality === code))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-1 font-semibold">{t("departuresBy")}</h2>
        {figures.departures.length === 0 ? <p className="text-sm">{t("none")}</p> : null}
        <ul className="text-sm">
          {figures.departures.map((r) => (
            <li key={r.destination}>
              {country(r.destination)}: {t("people", { count: r.people })}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="mb-1 font-semibold">{t("proceedings")}</h2>
        <ul className="text-sm">
          {figures.funnel.map((r) => (
            <li key={`${r.type}-${r.stage}`}>
              {tType(r.type)} · {tStage(r.stage)}: {r.count}
            </li>
          ))}
        </ul>
      </section>
      <p className="text-xs text-slate-700">{t("footer", { date: format.dateTime(new Date(), "moment") })}</p>
    </article>
  );
}
