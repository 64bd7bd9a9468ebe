import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { requirePermission } from "@/lib/auth/current-user";
import { pageCount, ROWS_PER_PAGE, shownRange } from "@/lib/paging";
import { hearingGrid, hearingOptions, listHearings, type HearingView as Hearing } from "@/lib/hearings/queries";
import { Pager, pageParam } from "@/components/ui/pager";
import { hearingParamsSchema, HEARING_VIEWS, viewRange, type HearingParams } from "@/lib/hearings/calendar-range";
import { PROCEEDING_TYPES } from "@/lib/workflows";
import { bangkokDate, dbDate, startOfBangkokDay } from "@/lib/dates";
import { selectFieldHtml } from "@/components/ui/field-html";
import { cardClass } from "@/components/ui/section";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { pageTitle } from "@/lib/page-title";
import { html } from "@/lib/html";
import { clientIp } from "@/lib/request-context";
import { HtmlText } from "@/components/ui/html-text";

export const generateMetadata = pageTitle("hearings");

// A busy day's cell in the week and month grids shows its first hearings and
// links to the rest in the agenda, so a grid's size stays bounded.
const PER_DAY_CELL = 4;

function href(params: HearingParams, changes: Partial<HearingParams>) {
  const next = { ...params, ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value) query.set(key, String(value));
  return `/hearings?${query}`;
}

/** An agenda page's hearings by Bangkok day, in order. */
function agendaDays(hearings: Hearing[]) {
  const days = new Map<string, { count: number; hearings: Hearing[] }>();
  for (const hearing of hearings) {
    const day = bangkokDate(hearing.startsAt);
    const entry = days.get(day) ?? { count: 0, hearings: [] };
    entry.count++;
    entry.hearings.push(hearing);
    days.set(day, entry);
  }
  return days;
}

export default async function HearingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("case:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = hearingParamsSchema.parse(raw);
  const range = viewRange(params.view, params.date);
  // The agenda is read a page at a time; the week and month grids show a few hearings a day and count the rest.
  const filters = { from: startOfBangkokDay(range.first), to: startOfBangkokDay(range.end), counselId: params.counsel, courtId: params.court, type: params.type, teamId: params.team };
  const page = params.view === "agenda" ? pageParam(raw.page) : undefined;
  // Each read records the view, with the codes it shows.
  const viewing = { ip: await clientIp(), detail: { view: params.view, from: range.first, listPage: page ?? null } };
  const [listed, options] = await Promise.all([
    page
      ? listHearings(user, filters, page, viewing).then(({ hearings, total }) => ({ days: agendaDays(hearings), total, clashes: hearings.filter((h) => h.clash).length }))
      : hearingGrid(user, filters, PER_DAY_CELL, viewing),
    hearingOptions(user),
  ]);
  const { days, total } = listed;
  const shown = [...days.values()].flatMap((d) => d.hearings);
  const t = await getTranslations("hearingsPage");
  const locale = await getLocale();
  const tPurpose = await getTranslations("enums.hearingPurpose");
  const tType = await getTranslations("enums.proceedingType");
  const format = await getFormatter();
  const tPager = await getTranslations("pager");
  const any = { value: "", label: t("any") };
  const dayLabel = (iso: string, style: "long" | "short") =>
    format.dateTime(dbDate(iso), style === "long" ? "longDay" : "shortDay");

  // Written as HTML text (lib/html): a month grid holds a hundred of these,
  // styled by the `entry` class (app/globals.css).
  const item = (hearing: Hearing, compact = false) => html`<li class="${hearing.clash ? "entry alert" : "entry"}" data-testid="agenda-hearing"><p>${format.dateTime(hearing.startsAt, "time")} · <a href="/cases/${hearing.proceeding.case.code}/proceedings">${hearing.proceeding.case.code}</a></p><p>${
    compact
      ? localName(hearing.court, locale)
      : `${tPurpose(hearing.purpose)} · ${tType(hearing.proceeding.type)} · ${localName(hearing.court, locale)} · ${hearing.counsel?.name ?? t("noCounsel")}`
  }</p>${hearing.clash ? html`<p class="font-semibold text-red-800">${t("clash")}</p>` : null}</li>`;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" action="/hearings" className={`${cardClass} grid gap-3 sm:grid-cols-3 lg:grid-cols-6`}>
        {/* The selects as HTML text (components/ui/field-html): their options drawn once, not as React elements. */}
        <HtmlText as="div" className="contents" markup={selectFieldHtml({ id: "hearings-view", label: t("view"), name: "view", value: params.view, options: HEARING_VIEWS.map((v) => ({ value: v, label: t(`view_${v}`) })) })} />
        <DateField label={t("from")} name="date" defaultValue={params.date} />
        <HtmlText
          as="div"
          className="contents"
          markup={[
            selectFieldHtml({ id: "hearings-counsel", label: t("counsel"), name: "counsel", value: params.counsel ?? "", options: [any, ...options.counsel.map((c) => ({ value: c.id, label: c.name }))] }),
            selectFieldHtml({ id: "hearings-court", label: t("court"), name: "court", value: params.court ?? "", options: [any, ...options.courts.map((c) => ({ value: c.id, label: localName(c, locale) }))] }),
            selectFieldHtml({ id: "hearings-type", label: t("type"), name: "type", value: params.type ?? "", options: [any, ...PROCEEDING_TYPES.map((p) => ({ value: p, label: tType(p) }))] }),
            selectFieldHtml({ id: "hearings-team", label: t("team"), name: "team", value: params.team ?? "", options: [any, ...options.teams.map((team) => ({ value: team.id, label: team.name }))] }),
          ]}
        />
        <div className="sm:col-span-3 lg:col-span-6">
          <Button type="submit">
            {t("show")}
          </Button>
        </div>
      </form>
      <nav aria-label={t("periods")} className="flex items-center justify-between text-sm">
        <Link href={href(params, { date: range.previous })} className="text-blue-800 underline">
          ← {t("previous")}
        </Link>
        <p role="status">
          {t("count", { count: total, clashes: listed.clashes })}
          {page && total > ROWS_PER_PAGE ? ` · ${tPager("shown", shownRange(page, shown.length, total))}` : null}
        </p>
        <Link href={href(params, { date: range.next })} className="text-blue-800 underline">
          {t("next")} →
        </Link>
      </nav>

      {params.view === "agenda" ? (
        shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{t("empty")}</p>
        ) : (
          <div className="space-y-4">
            <HtmlText
              as="div"
              className="space-y-4"
              markup={
                [...days.entries()].map(
                  ([day, { hearings }]) =>
                    html`<section aria-label="${dayLabel(day, "long")}"><h2 class="mb-2 font-semibold">${dayLabel(day, "long")}</h2><ul class="space-y-2">${hearings.map((h) => item(h))}</ul></section>`,
                )
              }
            />
            <Pager page={page ?? 1} pages={pageCount(total)} href={(n) => `${href(params, {})}&page=${n}`} label={tPager("hearingsPages")} />
          </div>
        )
      ) : (
        <div className="overflow-x-auto">
          <HtmlText
            as="ol"
            className="grid min-w-[840px] grid-cols-7 gap-1"
            aria-label={t(`view_${params.view}`)}
            markup={
              range.days.map((day) => {
                const { count = 0, hearings = [] } = days.get(day) ?? {};
                const other = params.view === "month" && day.slice(0, 7) !== params.date.slice(0, 7);
                return html`<li class="${other ? "calendar-day other-month" : "calendar-day"}"><p>${dayLabel(day, "short")}</p><ul>${hearings.map((h) => item(h, true))}</ul>${
                  count > PER_DAY_CELL ? html`<a href="${href(params, { view: "agenda", date: day })}">${t("more", { count: count - PER_DAY_CELL })}</a>` : null
                }</li>`;
              })
            }
          />
        </div>
      )}
    </div>
  );
}
