import type { ReactNode } from "react";

const th = "px-2 py-1 text-left font-semibold";
const td = "px-2 py-1";

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
    <table className={`w-full text-sm ${className}`.trim()} data-testid={testId}>
      {headers ? (
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col" className={th}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-200">
            {row.cells.map((cell, index) =>
              // The first cell names the row (a status, a stage, a case): a row header, so a screen reader reads each figure with it.
              index === 0 ? (
                <th key={index} scope="row" className={`${td} text-left font-normal ${row.cellClassNames?.[index] ?? ""}`.trim()}>
                  {cell}
                </th>
              ) : (
                <td key={index} className={`${td} ${row.cellClassNames?.[index] ?? ""}`.trim()}>
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
