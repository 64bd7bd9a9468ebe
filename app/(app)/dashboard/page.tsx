import type { Metadata } from "next";
import { clientIp } from "@/lib/request-context";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { requirePermission } from "@/lib/auth/current-user";
import { dashboardFigures, figureTeams, perYear } from "@/lib/dashboard/figures";
import { parsePeriod, shownByYear } from "@/lib/dashboard/period";
import { MonthChart } from "@/components/dashboard/month-chart";
import { pivotByMonth } from "@/components/dashboard/pivot";
import { BulkReassignForm, ProgrammeSwitch } from "@/components/programmes/programme-controls";
import { programmeHolds } from "@/lib/programmes/queries";
import { cardClass } from "@/components/ui/section";
import { Button } from "@/components/ui/button";
import { FigureTable } from "@/components/ui/figure-table";
import { DateField } from "@/components/ui/date-field";
import { pageTitle } from "@/lib/page-title";
import { html } from "@/lib/html";
import { HtmlText } from "@/components/ui/html-text";

export const generateMetadata = pageTitle("dashboard");

// Lists on the dashboard show the first rows only; the full list is one click away.
const LIST_LIMIT = 10;
// Pending closure requests and standing holds: every one, up to this many.
const OVERSIGHT_LIMIT = 100;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string; team?: string }> }) {
  const user = await requirePermission("dashboard:read");
  const query = await searchParams;
  const period = parsePeriod(query);
  const { choices, selected } = await figureTeams(user, query.team);
  const chosenTeam = selected.length === 1 && choices.length > 1 ? selected[0] : undefined;
  // Over more than two years, new cases, arrivals and departures come per year.
  const byYear = shownByYear(period);
  // The dashboard names cases in its detention list, hearings, closure
  // requests and holds (those shown), recorded with the figures' read; the rest are counts.
  const viewing = { ip: await clientIp(), detail: { from: period.from, to: period.to, team: chosenTeam ?? null } };
  const [figures, programmes] = await Promise.all([
    dashboardFigures(selected, period, { detainedListed: LIST_LIMIT, hearingsListed: LIST_LIMIT, byYear, oversightListed: OVERSIGHT_LIMIT, view: { actor: user, viewing } }),
    programmeHolds(user),
  ]);
  const { closures, holds } = figures;
  // Drill-through links keep the chosen team, so the list shows the same cases the figure counted.
  const cases = (filters: string) => `/cases?${filters}${chosenTeam ? `&team=${chosenTeam}` : ""}`;
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const tStatus = await getTranslations("enums.status");
  const tSensitivity = await getTranslations("enums.sensitivity");
  const tType = await getTranslations("enums.proceedingType");
  const tStage = await getTranslations("stages");
  const tCountry = await getTranslations("countries");
  const tFlag = await getTranslations("custody");
  const format = await getFormatter();
  const country = (code: string) => (tCountry.has(code) ? tCountry(code) : code);
  // A row per month, or per year over a long period (`month` then holds the year).
  type Point = { month: string; key: string; households: number; people: number };
  const series = <T extends { month: string; households: number; people: number }>(rows: T[], key: (row: T) => string): Point[] =>
    rows.map((r) => ({ month: r.month, key: key(r), households: r.households, people: r.people }));
  const newCaseRows = series(figures.newCases, (r) => r.nationality);
  const arrivalRows = series(figures.arrivals, (r) => r.nationality);
  const departureRows = series(figures.departures, (r) => r.destination);
  const newCases = pivotByMonth(newCaseRows, (r) => r.key, (r) => r.households);
  const arrivals = pivotByMonth(arrivalRows, (r) => r.key, (r) => r.people);
  const departures = pivotByMonth(departureRows, (r) => r.key, (r) => r.people);
  const unit = byYear ? t("year") : t("month");
  // The page's lists and tables are written as HTML text (lib/html): it holds some 400 figures and links.
  const caseOn = (code: string, at: Date) => html`<li><a href="/cases/${code}" class="font-mono">${code}</a> · ${format.dateTime(at, "momentDate")}</li>`;

  return (
    // Its links are styled by the `figures` class (app/globals.css): the page holds over a hundred.
    <div className="figures space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-2">
          <DateField label={t("from")} name="from" defaultValue={period.from} className="w-48" />
          <DateField label={t("to")} name="to" defaultValue={period.to} className="w-48" />
          {choices.length > 1 ? (
            <div>
              <label htmlFor="period-team" className="block text-sm font-medium">
                {t("team")}
              </label>
              <select id="period-team" name="team" defaultValue={chosenTeam ?? ""} className="rounded-md border border-slate-400 bg-white px-2 py-1">
                <option value="">{t("allTeams")}</option>
                {choices.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <Button type="submit">
            {t("apply")}
          </Button>
        </form>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          {choices.length > 1 ? t("scopeOrganisation", { count: selected.length }) : t("scope")}{" "}
          <Link href="/reports/monthly">
            {t("monthlyReport")}
          </Link>
        </p>
        <form method="post" action="/api/exports/figures" className="flex items-center gap-2">
          <input type="hidden" name="from" value={period.from} />
          <input type="hidden" name="to" value={period.to} />
          {chosenTeam ? <input type="hidden" name="team" value={chosenTeam} /> : null}
          <span className="text-sm text-slate-700">{t("downloadFigures")}</span>
          <button type="submit" name="format" value="csv" className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100">
            CSV
          </button>
          <button type="submit" name="format" value="xlsx" className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100">
            XLSX
          </button>
        </form>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="open-heading" className={cardClass}>
          <h2 id="open-heading" className="mb-2 font-semibold">
            {t("casesByStatus")}
          </h2>
          <FigureTable
            testId="figure-status"
            headers={[t("status"), t("sensitivity"), t("cases")]}
            rows={figures.byStatus.map((row) => ({
              cells: [tStatus(row.status), tSensitivity(row.sensitivity), count(row.count, cases(`status=${row.status}&sensitivity=${row.sensitivity}`), t("casesCount", { count: row.count }))],
            }))}
          />
        </section>

        <section aria-labelledby="caseload-heading" className={cardClass}>
          <h2 id="caseload-heading" className="mb-2 font-semibold">
            {t("caseload")}
          </h2>
          <FigureTable
            testId="figure-caseload"
            headers={[t("caseworker"), t("openCases")]}
            rows={figures.caseload.map((row) => ({ cells: [row.name, count(row.open, cases(`caseworker=${row.id}&status=OPEN`), t("openCasesCount", { count: row.open }))] }))}
          />
        </section>

        <section aria-labelledby="funnel-heading" className={cardClass}>
          <h2 id="funnel-heading" className="mb-2 font-semibold">
            {t("funnel")}
          </h2>
          {figures.funnel.length === 0 ? <p className="text-sm text-slate-700">{t("none")}</p> : null}
          <FigureTable
            testId="figure-funnel"
            rows={figures.funnel.map((row) => ({
              cells: [tType(row.type), tStage(row.stage), count(row.count, cases(`proceeding=${row.type}:${row.stage}`), t("casesCount", { count: row.count }))],
            }))}
          />
        </section>

        <section aria-labelledby="detained-heading" className={cardClass}>
          <h2 id="detained-heading" className="mb-2 font-semibold">
            {t("detainedNow", { count: figures.detained.total })}
          </h2>
          <p className="mb-2 text-sm [&>a]:font-semibold">
            <Link href={cases("detained=1")} aria-label={t("casesCount", { count: figures.detained.total })}>
              {figures.detained.total}
            </Link>{" "}
            · {t("over30", { count: figures.detained.over30 })} · {t("over60", { count: figures.detained.over60 })}
          </p>
          <FigureTable
            testId="figure-detained"
            rows={figures.detained.longest.map((row) => ({
              cells: [
                html`<a href="/cases/${row.code}/custody">${row.code}</a>`,
                localName(row.facility, locale),
                `${tFlag("days", { days: row.days })}${row.flags.length ? ` · ${row.flags.map((f) => tFlag(`flag_${f}`)).join(", ")}` : ""}`,
              ],
              cellClassNames: ["font-mono", undefined, row.flags.length ? "font-semibold text-red-800" : undefined],
            }))}
          />
          {figures.detained.total > LIST_LIMIT ? (
            <p className="mt-2 text-sm">
              <Link href={cases("detained=1")}>
                {t("longestHeld", { shown: LIST_LIMIT, count: figures.detained.total })}
              </Link>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="overdue-heading" className={cardClass}>
          <h2 id="overdue-heading" className="mb-2 font-semibold">
            {t("overdue")}
          </h2>
          {figures.overdue.length === 0 ? <p className="text-sm text-slate-700">{t("noneOverdue")}</p> : null}
          <FigureTable
            testId="figure-overdue"
            rows={figures.overdue.map((row) => ({ cells: [row.name ?? t("unassigned"), count(row.count, cases("overdue=1"), t("overdueTasksCount", { count: row.count }))] }))}
          />
        </section>

        <section aria-labelledby="hearings-heading" className={cardClass}>
          <h2 id="hearings-heading" className="mb-2 font-semibold">
            {t("hearingsWeek", { count: figures.hearingsThisWeek })}
          </h2>
          <HtmlText
            as="ul"
            className="text-sm"
            markup={
              figures.hearings.map((h) => html`<li>${format.dateTime(h.startsAt, "moment")} · <a href="/cases/${h.code}/proceedings" class="font-mono">${h.code}</a> · ${localName(h.court, locale)}</li>`)
            }
          />
          {figures.hearingsThisWeek > figures.hearings.length ? (
            <p className="mt-2 text-sm">
              <Link href="/hearings?view=week">
                {t("moreHearings", { count: figures.hearingsThisWeek - figures.hearings.length })}
              </Link>
            </p>
          ) : null}
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="closures-heading" className={cardClass}>
          <h2 id="closures-heading" className="mb-2 font-semibold">
            {t("pendingClosures", { count: closures.length })}
          </h2>
          <HtmlText as="ul" className="text-sm" data-testid="pending-closures" markup={closures.map((c) => caseOn(c.code, c.requestedAt))} />
        </section>
        <section aria-labelledby="holds-heading" className={cardClass}>
          <h2 id="holds-heading" className="mb-2 font-semibold">
            {t("legalHolds", { count: holds.length })}
          </h2>
          {holds.length === 0 ? <p className="text-sm text-slate-700">{t("noLegalHolds")}</p> : null}
          <HtmlText as="ul" className="text-sm" data-testid="standing-holds" markup={holds.map((h) => caseOn(h.code, h.placedAt))} />
        </section>
        <section aria-labelledby="programmes-heading" className={cardClass}>
          <h2 id="programmes-heading" className="mb-2 font-semibold">
            {t("programmes")}
          </h2>
          <ul className="space-y-2 text-sm" data-testid="programmes">
            {programmes.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {localName(p, locale)} · {p.status === "SUSPENDED" ? t("suspendedHolding", { people: p.held.people }) : t("active")}
                </span>
                <ProgrammeSwitch programmeId={p.id} name={localName(p, locale)} wouldHold={p.wouldHold} held={p.held} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="reassign-heading" className={cardClass}>
          <h2 id="reassign-heading" className="mb-2 font-semibold">
            {t("reassign")}
          </h2>
          <BulkReassignForm staff={figures.caseload.map((c) => ({ value: c.id, label: `${c.name} (${c.open})` }))} />
        </section>
      </div>

      <section aria-labelledby="new-heading" className={cardClass}>
        <h2 id="new-heading" className="mb-2 font-semibold">
          {byYear ? t("newCasesPerYear") : t("newCases")}
        </h2>
        <p className="mb-2 text-xs text-slate-700">{t("countsHouseholds")}</p>
        <MonthChart rows={newCases.rows} groups={newCases.groups.map((g) => ({ key: g, label: country(g) }))} />
        <MonthTable rows={newCaseRows.map((r) => ({ month: r.month, group: country(r.key), value: r.households, href: cases(`opened=${r.month}&nationality=${r.key}`) }))} labels={{ month: unit, value: (n) => t("householdsCount", { count: n }) }} testId="figure-new" />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="arrivals-heading" className={cardClass}>
          <h2 id="arrivals-heading" className="mb-2 font-semibold">
            {byYear ? t("arrivalsPerYear") : t("arrivals")}
          </h2>
          <p className="mb-2 text-xs text-slate-700">{t("countsPeople")}</p>
          <MonthChart rows={arrivals.rows} groups={arrivals.groups.map((g) => ({ key: g, label: country(g) }))} />
          <MonthTable rows={arrivalRows.map((r) => ({ month: r.month, group: country(r.key), value: r.people, href: cases(`arrived=${r.month}&nationality=${r.key}`) }))} labels={{ month: unit, value: (n) => t("peopleCount", { count: n }) }} testId="figure-arrivals" />
          {byYear ? null : (
            <>
              <h3 className="mt-3 text-sm font-semibold">{t("arrivalsPerYear")}</h3>
              <HtmlText
                as="ul"
                className="text-sm"
                data-testid="figure-arrivals-year"
                markup={
                  perYear(figures.arrivals, (r) => r.nationality).map(
                    (row) => html`<li>${row.year} · ${country(row.group)}: <a href="${cases(`arrived=${row.year}&nationality=${row.group}`)}">${t("peopleCount", { count: row.people })}</a></li>`,
                  )
                }
              />
            </>
          )}
        </section>
        <section aria-labelledby="departures-heading" className={cardClass}>
          <h2 id="departures-heading" className="mb-2 font-semibold">
            {byYear ? t("departuresPerYear") : t("departures")}
          </h2>
          <p className="mb-2 text-xs text-slate-700">{t("countsPeople")}</p>
          <MonthChart rows={departures.rows} groups={departures.groups.map((g) => ({ key: g, label: country(g) }))} />
          <MonthTable rows={departureRows.map((r) => ({ month: r.month, group: country(r.key), value: r.people, href: cases(`departed=${r.month}&destination=${r.key}`) }))} labels={{ month: unit, value: (n) => t("peopleCount", { count: n }) }} testId="figure-departures" />
        </section>
      </div>

      <section aria-labelledby="durations-heading" className={cardClass}>
        <h2 id="durations-heading" className="mb-2 font-semibold">
          {t("durations")}
        </h2>
        {figures.durations.length === 0 ? <p className="text-sm text-slate-700">{t("none")}</p> : null}
        {/* Five columns do not fit a phone: the table scrolls inside its box (focusable, so it scrolls from the keyboard too). */}
        <div className="overflow-x-auto" tabIndex={0}>
          <FigureTable
            testId="figure-durations"
            headers={[t("proceeding"), t("stage"), t("stays"), t("median"), t("p90")]}
            rows={figures.durations.map((row) => ({
              cells: [tType(row.type), tStage(row.stage), row.stays, t("days", { days: Math.round(row.median * 10) / 10 }), t("days", { days: Math.round(row.p90 * 10) / 10 })],
            }))}
          />
        </div>
      </section>
    </div>
  );
}

/** A count linking to the cases behind it, read out as what it counts ("5 people", "1 open case"). */
function count(value: number, href: string, label: string) {
  return html`<a href="${href}" aria-label="${label}">${value}</a>`;
}

/**
 * A figure by month (or year) and group as a table the way the chart reads:
 * a row per month, a column per nationality or destination. Each count
 * links to the cases behind it; a month without any shows 0.
 */
function MonthTable({ rows, labels, testId }: { rows: { month: string; group: string; value: number; href: string }[]; labels: { month: string; value: (count: number) => string }; testId: string }) {
  const groups = [...new Set(rows.map((row) => row.group))].sort((a, b) => a.localeCompare(b));
  const months = new Map<string, Map<string, { value: number; href: string }>>();
  for (const row of rows) months.set(row.month, (months.get(row.month) ?? new Map()).set(row.group, row));
  return (
    <FigureTable
      className="mt-2"
      testId={testId}
      headers={[labels.month, ...groups]}
      rows={[...months.keys()].sort().map((month) => ({
        cells: [
          month,
          ...groups.map((group) => {
            const cell = months.get(month)!.get(group);
            return cell ? count(cell.value, cell.href, labels.value(cell.value)) : 0;
          }),
        ],
      }))}
    />
  );
}
