import type { ReactNode } from "react";

// The cells' spacing and the rows' rules are set once on the table, not on
// every cell: the dashboard's tables hold some 400 cells, and each class
// string is sent twice (in the HTML and in React's payload), 50 kB a page.
// A cell's link is styled by the page (the dashboard's `figures` class).
const TABLE = "w-full text-sm [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_thead_th]:font-semibold [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-200";

/** A cell's class, left out when it has none (an absent class is still sent to the browser, as "undefined"). */
const cellClass = (className: string | undefined) => (className ? { className } : {});

export type FigureRow = {
  key: string;
  cells: ReactNode[];
  /** Extra classes per cell (emphasis, monospace codes). */
  cellClassNames?: (string | undefined)[];
};

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
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) =>
              // The first cell names the row (a status, a stage, a case): a row header, so a screen reader reads each figure with it.
              index === 0 ? (
                <th key={index} scope="row" {...cellClass(row.cellClassNames?.[index])}>
                  {cell}
                </th>
              ) : (
                <td key={index} {...cellClass(row.cellClassNames?.[index])}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
