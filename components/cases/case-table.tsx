import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseListRow } from "@/lib/cases/queries";
import { dbDate, isoDate, todayInBangkok } from "@/lib/dates";
import { detentionDays } from "@/lib/detention/days";
import { taskTitle } from "@/lib/tasks/titles";
import { SensitivityBadge, StatusBadge } from "./badges";

// One table for every screen. On a wide screen it is a table; on a phone each
// row is a card (code, name, status, next deadline, detention) and the other
// columns step aside, so nothing scrolls sideways. The roles are written out:
// a table whose rows are laid out as blocks keeps its meaning for screen
// readers only when it says what it is. The rows, cells and links take their
// style from the table's class (`case-rows` in app/globals.css), not from
// classes on each of a page's 25 rows and 225 cells: the page's HTML and the
// data React sends with it carried every class string once per cell.
// A cell marked `wide-only` steps aside on a phone.
const WIDE_ONLY = "wide-only";

export async function CaseTable({ rows }: { rows: CaseListRow[] }) {
  const t = await getTranslations("cases");
  const tCountry = await getTranslations("countries");
  const tRules = await getTranslations("tasks.rules");
  const tCustody = await getTranslations("custody");
  const format = await getFormatter();
  const today = todayInBangkok();
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
        <tbody role="rowgroup" className="max-sm:block max-sm:space-y-2">
          {rows.map((row) => {
            const deadline = row.tasks[0];
            const detained = row.detentions[0];
            return (
              <tr key={row.id} role="row" data-testid="case-row">
                <td role="cell" className="whitespace-nowrap font-mono">
                  <Link href={`/cases/${row.code}`}>{row.code}</Link>
                </td>
                <td role="cell">
                  <div className="font-medium">{row.principalName}</div>
                  {row.principalNativeName ? <div className="text-slate-700">{row.principalNativeName}</div> : null}
                  {row.matchedMember ? (
                    <div className="text-sm text-slate-700" data-testid="matched-member">
                      {t("matchedMember", { name: row.matchedMember })}
                    </div>
                  ) : null}
                </td>
                <td role="cell" className={WIDE_ONLY}>
                  {tCountry.has(row.nationality) ? tCountry(row.nationality) : row.nationality}
                </td>
                <td role="cell" className={WIDE_ONLY}>
                  {row.householdSize}
                </td>
                <td role="cell" className="space-x-1 whitespace-nowrap">
                  <StatusBadge status={row.status} />
                  {row.sensitivity !== "STANDARD" ? <SensitivityBadge sensitivity={row.sensitivity} /> : null}
                </td>
                <td role="cell" data-testid="next-deadline">
                  {deadline ? (
                    <>
                      <span className="max-sm:font-semibold sm:hidden">{t("nextDeadline")}: </span>
                      <time dateTime={isoDate(deadline.dueOn)} className={isoDate(deadline.dueOn) < today ? "font-semibold text-red-800" : undefined}>
                        {format.dateTime(dbDate(isoDate(deadline.dueOn)), "day")}
                      </time>{" "}
                      · {taskTitle(deadline, tRules)}
                    </>
                  ) : (
                    <span className="max-sm:hidden">—</span>
                  )}
                </td>
                <td role="cell" data-testid="detention">
                  {detained ? (
                    <span className="font-semibold text-red-800">{tCustody("days", { days: detentionDays(isoDate(detained.startedOn), null, today) })}</span>
                  ) : (
                    <span className="max-sm:hidden">—</span>
                  )}
                </td>
                <td role="cell" className={WIDE_ONLY}>
                  {row.caseworker?.name ?? t("unassigned")}
                </td>
                <td role="cell" className={`whitespace-nowrap ${WIDE_ONLY}`}>
                  {format.dateTime(row.updatedAt, "momentDate")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
