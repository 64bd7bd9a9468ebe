// Spreadsheet safety for exported cells: in a CSV, a value starting with
// = + - @, a tab or a carriage return could run as a formula when the file
// is opened, so it is prefixed with an apostrophe and shown as text. An XLSX
// needs no such guard: its cells are written as string cells, which never
// evaluate, so names keep exactly what was typed.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting), every cell neutralised. */
export function csvLine(values: (string | number | null | undefined)[]): string {
  return (
    values
      .map((value) => {
        const text = neutraliseCell(value === null || value === undefined ? "" : String(value));
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}
