// Reads an uploaded spreadsheet into a table of text: a header row and the
// rows under it. Every cell becomes text as written: a formula is read as
// its formula ("=SUM(A1:A3)"), never evaluated or replaced by a cached
// result; dates become YYYY-MM-DD.
import ExcelJS from "exceljs";
import { CsvError, parse } from "csv-parse/sync";
import { withoutNul } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { isoDate } from "@/lib/dates";

export type Table = { headers: string[]; rows: string[][] };

export const MAX_IMPORT_ROWS = 50_000;

/** A file that cannot be read as a table: refused beside the file field, with the message key. */
function unreadable(key: string): never {
  refuse(key, "file");
}

const SEPARATORS = [",", ";", "\t"];

/** The separator of the header line: the one that splits it most, counting only outside quotes. */
function separatorOf(body: string): string {
  let quoted = false;
  const counts = new Map(SEPARATORS.map((s) => [s, 0]));
  for (const char of body) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * CSV as written by Excel, LibreOffice and Google Sheets, read by csv-parse:
 * RFC 4180 quoting (quotes may follow spaces, and a stray quote inside a
 * cell is kept as text), comma, semicolon or tab separated (found on the
 * header line), an optional byte-order mark, CRLF or LF.
 */
export function parseCsv(text: string): Table {
  const body = withoutNul(text);
  try {
    const records: string[][] = parse(body, {
      bom: true,
      delimiter: separatorOf(body.replace(/^\uFEFF/, "")),
      relax_quotes: true,
      relax_column_count: true,
      ltrim: true,
      rtrim: true,
      skip_empty_lines: false,
    });
    return toTable(records);
  } catch (error) {
    if (error instanceof CsvError) unreadable(error.code === "CSV_QUOTE_NOT_CLOSED" ? "unclosedQuote" : "unreadableSpreadsheet");
    throw error;
  }
}

/** The first worksheet of an .xlsx workbook. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    unreadable("unreadableSpreadsheet");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) unreadable("emptySpreadsheet");
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
  if (value instanceof Date) return isoDate(value);
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
  if (!header || !nonEmpty(header)) unreadable("noHeaderRow");
  const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  // Trailing empty rows (common in exported sheets) are not rows.
  let last = rest.length;
  while (last > 0 && !nonEmpty(rest[last - 1])) last--;
  const rows = rest.slice(0, last).map((r) => headers.map((_, i) => (r[i] ?? "").trim()));
  if (rows.length === 0) unreadable("noRows");
  if (rows.length > MAX_IMPORT_ROWS) unreadable("tooManyRows");
  return { headers, rows };
}

/** Reads CSV or XLSX by content (an .xlsx is a zip: "PK"), not by the file's name. */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) unreadable("notUtf8");
  return parseCsv(text);
}
