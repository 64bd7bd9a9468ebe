// Reads an uploaded spreadsheet into a table of text: a header row and the
// rows under it. Every cell becomes text as written: a formula is read as
// its formula ("=SUM(A1:A3)"), never evaluated or replaced by a cached
// result; dates become YYYY-MM-DD.
import ExcelJS from "exceljs";
import { withoutNul } from "@/lib/forms";

export type Table = { headers: string[]; rows: string[][] };

export const MAX_IMPORT_ROWS = 50_000;

export class TableError extends Error {}

/** CSV as written by Excel, LibreOffice and Google Sheets: RFC 4180 quoting, comma, semicolon or tab separated, optional BOM. */
export function parseCsv(text: string): Table {
  const body = withoutNul(text.replace(/^\uFEFF/, ""));
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === separator) {
      record.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
    } else cell += char;
  }
  if (quoted) throw new TableError("unclosedQuote");
  if (cell !== "" || record.length) {
    record.push(cell);
    records.push(record);
  }
  return toTable(records);
}

/** The first worksheet of an .xlsx workbook. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableError("unreadableSpreadsheet");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableError("emptySpreadsheet");
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell);
    });
    records[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return toTable(Array.from(records, (r) => r ?? []));
}

function cellText(cell: ExcelJS.Cell): string {
  // Formulas (plain or shared) are kept as the formula the author wrote.
  if (cell.type === ExcelJS.ValueType.Formula) return withoutNul(`=${cell.formula}`);
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return withoutNul(value.richText.map((part) => part.text).join(""));
    if ("text" in value) return withoutNul(String(value.text));
    if ("error" in value) return String(value.error);
    return "";
  }
  return withoutNul(String(value));
}

function toTable(records: string[][]): Table {
  const nonEmpty = (r: string[]) => r.some((c) => c.trim() !== "");
  const [header, ...rest] = records;
  if (!header || !nonEmpty(header)) throw new TableError("noHeaderRow");
  const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  // Trailing empty rows (common in exported sheets) are not rows.
  let last = rest.length;
  while (last > 0 && !nonEmpty(rest[last - 1])) last--;
  const rows = rest.slice(0, last).map((r) => headers.map((_, i) => (r[i] ?? "").trim()));
  if (rows.length === 0) throw new TableError("noRows");
  if (rows.length > MAX_IMPORT_ROWS) throw new TableError("tooManyRows");
  return { headers, rows };
}

/** Reads CSV or XLSX by content (an .xlsx is a zip: "PK"), not by the file's name. */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) throw new TableError("notUtf8");
  return parseCsv(text);
}
