import type { Metadata } from "next";
import { clientIp } from "@/lib/request-context";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { taskTitle } from "@/lib/tasks/titles";
import { requirePermission } from "@/lib/auth/current-user";
import { openDeadlines } from "@/lib/legal/queries";
import { ROWS_PER_PAGE, shownRange } from "@/lib/paging";
import { Pager, pageParam } from "@/components/ui/pager";
import { deadlineWorkingHtml } from "@/components/tasks/deadline-working";
import { dbDate } from "@/lib/dates";
import { html } from "@/lib/html";
import { pageTitle } from "@/lib/page-title";
import { HtmlText } from "@/components/ui/html-text";

export const generateMetadata = pageTitle("deadlines");

export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("board:read");
  const page = pageParam((await searchParams).page);
  // The read records the view, with the codes it shows.
  const { rows: deadlines, total, pages } = await openDeadlines(user, page, { ip: await clientIp(), detail: { listPage: page } });
  const t = await getTranslations("deadlines");
  const tType = await getTranslations("enums.proceedingType");
  const tStage = await getTranslations("stages");
  const tRule = await getTranslations("tasks.rules");
  const format = await getFormatter();
  const tPager = await getTranslations("pager");
  const tWorking = await getTranslations("deadlineWorking");
  const tHoliday = await getTranslations("holidays");
  const words = { t: tWorking, stage: tStage, holiday: tHoliday, day: (iso: string) => format.dateTime(dbDate(iso), "weekday"), moment: (at: Date) => format.dateTime(at, "momentDate") };
  // The rows are written as HTML text (lib/html): a page of 25 rows and their
  // 175 cells as React elements cost the server more than the rest of the page.
  const row = (d: (typeof deadlines)[number]) =>
    html`<tr${d.daysLeft < 0 ? html` class="bg-red-50"` : null} data-testid="deadline"><td class="whitespace-nowrap">${format.dateTime(d.dueOn, "weekday")}</td><td class="whitespace-nowrap font-semibold${
      d.daysLeft < 0 ? " text-red-800" : d.daysLeft <= 7 ? " text-amber-900" : ""
    }">${d.daysLeft < 0 ? t("overdueBy", { days: -d.daysLeft }) : t("left", { days: d.daysLeft })}</td><td>${taskTitle(d, tRule)}${deadlineWorkingHtml(d.working, d.ruleKey, words)}</td><td class="font-mono"><a href="/cases/${d.case.code}/tasks">${d.case.code}</a></td><td>${
      d.proceeding ? `${tType(d.proceeding.type)} · ${tStage(d.proceeding.stage)}` : "—"
    }</td><td class="font-mono text-xs">${d.ruleKey}</td><td>${d.assignee?.name ?? "—"}</td></tr>`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      {total > ROWS_PER_PAGE ? <p role="status">{tPager("shown", shownRange(page, deadlines.length, total))}</p> : null}
      {deadlines.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="data-table min-w-full text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col">{t("due")}</th>
                <th scope="col">{t("daysLeft")}</th>
                <th scope="col">{t("deadline")}</th>
                <th scope="col">{t("case")}</th>
                <th scope="col">{t("proceeding")}</th>
                <th scope="col">{t("rule")}</th>
                <th scope="col">{t("assignee")}</th>
              </tr>
            </thead>
            <HtmlText as="tbody" markup={deadlines.map(row)} />
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} href={(n) => `/deadlines?page=${n}`} label={tPager("deadlinesPages")} />
    </div>
  );
}
