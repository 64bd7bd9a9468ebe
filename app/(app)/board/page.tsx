import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { requirePermission } from "@/lib/auth/current-user";
import { BOARD_SORTS, refoulementBoard, type BoardSort } from "@/lib/legal/board";
import { PrintButton } from "@/components/ui/print-button";
import { taskTitle } from "@/lib/tasks/titles";
import { dbDate } from "@/lib/dates";
import { pageTitle } from "@/lib/page-title";
import { Pager, pageParam } from "@/components/ui/pager";
import { pageOf, shownRange } from "@/lib/paging";
import { html } from "@/lib/html";
import { clientIp } from "@/lib/request-context";
import { HtmlText } from "@/components/ui/html-text";

export const generateMetadata = pageTitle("board");

export default async function BoardPage({ searchParams }: { searchParams: Promise<{ sort?: string; page?: string }> }) {
  const user = await requirePermission("board:read");
  const query = await searchParams;
  const sort: BoardSort = (BOARD_SORTS as readonly string[]).includes(query.sort ?? "") ? (query.sort as BoardSort) : "hearing";
  // The whole board is sorted, then shown a page at a time (a page, not the board, is what costs); its read records the view.
  const { rows, total, page, pages } = await refoulementBoard(user, sort, pageParam(query.page), { ip: await clientIp() });
  const t = await getTranslations("board");
  const locale = await getLocale();
  const tStage = await getTranslations("stages");
  const tRule = await getTranslations("tasks.rules");
  const tIncident = await getTranslations("enums.incidentKind");
  const tSeverity = await getTranslations("enums.severity");
  const format = await getFormatter();
  const tPager = await getTranslations("pager");
  const header = (key: BoardSort, label: string) => (
    <th scope="col" aria-sort={sort === key ? "ascending" : undefined}>
      <Link href={`/board?sort=${key}`} className="underline print:no-underline">
        {label}
        {sort === key ? " ↑" : ""}
      </Link>
    </th>
  );
  // Rows are written as HTML text (lib/html): text and a link, 25 to a page.
  const rowHtml = (row: (typeof rows)[number]) => {
    const removal = row.removalStages.map((stage) => html`<p class="font-semibold text-red-800">${t("removal", { stage: tStage(stage) })}</p>`);
    const incident = row.incident
      ? html`<p>${t("incident", { kind: tIncident(row.incident.kind), severity: tSeverity(row.incident.severity), date: format.dateTime(row.incident.occurredOn, "day") })}</p>`
      : null;
    const overdue = row.nextDeadline && row.nextDeadline.daysLeft < 0 ? html` class="font-semibold text-red-800"` : null;
    return html`<tr class="border-t border-slate-200 align-top" data-testid="board-row"><td class="font-mono"><a href="/cases/${row.code}/proceedings" class="text-blue-800 underline">${row.code}</a></td><td>${removal}${incident}</td><td class="whitespace-nowrap">${
      row.nextHearing ? format.dateTime(row.nextHearing, "moment") : "—"
    }</td><td${overdue}>${row.nextDeadline ? `${format.dateTime(dbDate(row.nextDeadline.due), "day")} · ${taskTitle(row.nextDeadline, tRule)}` : "—"}</td><td>${
      row.detention ? t("detained", { days: row.detention.days, facility: localName(row.detention.facility, locale) }) : t("notDetained")
    }</td><td>${row.counsel.length ? row.counsel.join(", ") : "—"}</td></tr>`;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <PrintButton label={t("print")} />
      </div>
      <p className="text-slate-700">{t("intro")}</p>
      <p role="status" className="text-sm">
        {t("count", { count: total })}
        {pages > 1 ? ` · ${tPager("shown", shownRange(page, rows.length, total))}` : null}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          {/* Cell spacing is set once here, not on each of the page's cells (each class is sent twice: in the HTML and in React's payload). */}
          <table className="min-w-full text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                {header("code", t("case"))}
                <th scope="col">{t("risk")}</th>
                {header("hearing", t("nextHearing"))}
                {header("deadline", t("nextDeadline"))}
                {header("detention", t("detention"))}
                <th scope="col">{t("counsel")}</th>
              </tr>
            </thead>
            <HtmlText as="tbody" markup={rows.map(rowHtml)} />
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} href={(n) => `/board?sort=${sort}&page=${n}`} label={tPager("boardPages")} />
    </div>
  );
}
