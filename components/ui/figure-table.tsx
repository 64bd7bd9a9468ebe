import type { ReactNode } from "react";
import { html, type HtmlValue } from "@/lib/html";
import { HtmlText } from "@/components/ui/html-text";

// The cells' spacing and the rows' rules are set once on the table, not on
// every cell: the dashboard's tables hold some 400 cells. A cell's link is
// styled by the page (the dashboard's `figures` class).
const TABLE = "w-full text-sm [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_thead_th]:font-semibold [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-200";

/** A cell's class attribute, left out when it has none. */
const cellClass = (className: string | undefined) => (className ? html` class="${className}"` : null);

export type FigureRow = {
  /** Text, numbers, or markup from `html` (a count's link). */
  cells: HtmlValue[];
  /** Extra classes per cell (emphasis, monospace codes). */
  cellClassNames?: (string | undefined)[];
};

// The first cell names the row (a status, a stage, a case): a row header, so a screen reader reads each figure with it.
const rowHtml = (row: FigureRow) =>
  html`<tr>${row.cells.map((cell, index) => (index === 0 ? html`<th scope="row"${cellClass(row.cellClassNames?.[index])}>${cell}</th>` : html`<td${cellClass(row.cellClassNames?.[index])}>${cell}</td>`))}</tr>`;

/**
 * A small table of figures (the dashboard's counts, durations and lists):
 * optional column headers, a row per figure, the same spacing and rules
 * everywhere. The numbers are in the table, so they read without the charts.
 */
export function FigureTable({ testId, headers, rows, className = "" }: { testId?: string; headers?: ReactNode[]; rows: FigureRow[]; className?: string }) {
  return (
    <table className={`${TABLE} ${className}`.trim()} data-testid={testId}>
      {headers ? (
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      {/* The rows are written as HTML text (lib/html): the dashboard's tables hold some 400 cells. */}
      <HtmlText as="tbody" markup={rows.map(rowHtml)} />
    </table>
  );
}
