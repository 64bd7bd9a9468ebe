import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { CaseListRow } from "@/lib/cases/queries";
import { dbDate, isoDate, todayInBangkok } from "@/lib/dates";
import { detentionDays } from "@/lib/detention/days";
import { taskTitle } from "@/lib/tasks/titles";
import { html } from "@/lib/html";
import { sensitivityBadge, statusBadge } from "./badges";
import { HtmlText } from "@/components/ui/html-text";

// One table for every screen. On a wide screen it is a table; on a phone each
// row is a card (code, name, status, next deadline, detention) and the other
// columns step aside, so nothing scrolls sideways. The roles are written out:
// a table whose rows are laid out as blocks keeps its meaning for screen
// readers only when it says what it is. The rows, cells and links take their
// style from the table's class (`case-rows` in app/globals.css), not from
// classes on each of a page's 25 rows and 225 cells.
// A cell marked `wide-only` steps aside on a phone.
const WIDE_ONLY = "wide-only";

export async function CaseTable({ rows }: { rows: CaseListRow[] }) {
  const t = await getTranslations("cases");
  const tCountry = await getTranslations("countries");
  const tRules = await getTranslations("tasks.rules");
  const tCustody = await getTranslations("custody");
  const format = await getFormatter();
  const today = todayInBangkok();
  const tStatus = await getTranslations("enums.status");
  const tSensitivity = await getTranslations("enums.sensitivity");

  // Rows are written as HTML text (lib/html): a page of 25 rows and 225
  // cells as React elements cost the server more than the rest of the page.
  const rowHtml = (row: CaseListRow) => {
    const deadline = row.tasks[0];
    const detained = row.detentions[0];
    const dash = html`<span class="max-sm:hidden">—</span>`;
    return html`<tr role="row" data-testid="case-row"><td role="cell" class="whitespace-nowrap font-mono"><a href="/cases/${row.code}">${row.code}</a></td><td role="cell"><div class="font-medium">${row.principalName}</div>${
      row.principalNativeName ? html`<div class="text-slate-700">${row.principalNativeName}</div>` : null
    }${
      row.matchedMember ? html`<div class="text-sm text-slate-700" data-testid="matched-member">${t("matchedMember", { name: row.matchedMember })}</div>` : null
    }</td><td role="cell" class="${WIDE_ONLY}">${tCountry.has(row.nationality) ? tCountry(row.nationality) : row.nationality}</td><td role="cell" class="${WIDE_ONLY}">${row.householdSize}</td><td role="cell" class="space-x-1 whitespace-nowrap">${statusBadge(row.status, tStatus(row.status))}${
      row.sensitivity !== "STANDARD" ? sensitivityBadge(row.sensitivity, tSensitivity(row.sensitivity)) : null
    }</td><td role="cell" data-testid="next-deadline">${
      deadline
        ? html`<span class="max-sm:font-semibold sm:hidden">${t("nextDeadline")}: </span><time datetime="${isoDate(deadline.dueOn)}"${isoDate(deadline.dueOn) < today ? html` class="font-semibold text-red-800"` : null}>${format.dateTime(dbDate(isoDate(deadline.dueOn)), "day")}</time> · ${taskTitle(deadline, tRules)}`
        : dash
    }</td><td role="cell" data-testid="detention">${
      detained ? html`<span class="font-semibold text-red-800">${tCustody("days", { days: detentionDays(isoDate(detained.startedOn), null, today) })}</span>` : dash
    }</td><td role="cell" class="${WIDE_ONLY}">${row.caseworker?.name ?? t("unassigned")}</td><td role="cell" class="whitespace-nowrap ${WIDE_ONLY}">${format.dateTime(row.updatedAt, "momentDate")}</td></tr>`;
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
      <table role="table" className="case-rows min-w-full text-sm max-sm:block" data-testid="case-list">
        <caption className="sr-only">{t("caseList")}</caption>
        <thead role="rowgroup" className="bg-slate-100 text-left max-sm:sr-only">
          <tr role="row">
            <th role="columnheader" scope="col" className="px-3 py-2">{t("code")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("principal")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("nationality")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("household")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("status")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("nextDeadline")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("detention")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("caseworker")}</th>
            <th role="columnheader" scope="col" className="px-3 py-2">{t("updated")}</th>
          </tr>
        </thead>
        <HtmlText as="tbody" role="rowgroup" className="max-sm:block max-sm:space-y-2" markup={rows.map(rowHtml)} />
      </table>
    </div>
  );
}
