// Reads an uploaded spreadsheet into a table of text: a header row and the
// rows under it. Every cell becomes text as written: a formula is read as
// its formula ("=SUM(A1:A3)"), never evaluated or replaced by a cached
// result; dates become YYYY-MM-DD.
//
// A spreadsheet is a zip, and a small one can unpack into gigabytes (one
// long text referenced by many cells): the unpacked size is checked before
// reading, and the sheet is read as a stream with limits on rows, columns
// and the length of a cell, so a file over them is refused as soon as that
// is known, with a message that says which limit and where.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { CsvError, parse } from "csv-parse/sync";
import { cleanText } from "@/lib/forms";
import { refuse, Refusal } from "@/lib/refusal";
import { isoDate } from "@/lib/dates";

export type Table = { headers: string[]; rows: string[][] };

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 100;
/** Longer than any name, number or note a register holds. */
export const MAX_CELL_CHARS = 2_000;
/** What an .xlsx may unpack to (a 15 MB upload of real data unpacks to well under this). */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
/**
 * All the text of the table together. Cells may share one stored text, so
 * a small file can still spell out a great deal: 50,000 rows of real data
 * come to a few million characters.
 */
export const MAX_TABLE_CHARS = 30_000_000;

/** A file that cannot be read as a table: refused beside the file field, with the message key. */
function unreadable(key: string, values?: Record<string, string>): never {
  refuse(key, "file", values);
}

/** Refuses a cell past the length limit, saying where it is (spreadsheet row numbers: the header is row 1). */
function checkCell(text: string, row: number, column: number) {
  if (text.length > MAX_CELL_CHARS) unreadable("cellTooLong", { row: String(row), column: String(column), max: String(MAX_CELL_CHARS) });
}

/** The sizes the zip's directory gives for its files once unpacked, without unpacking them. */
export function unpackedBytes(bytes: Buffer): number {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    unreadable("unreadableSpreadsheet");
  }
  return total;
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
  const body = cleanText(text);
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
    // An XLSX is checked cell by cell as it streams in; a CSV here, once parsed (its size is bounded by the upload's).
    records.forEach((record, index) => record.forEach((cell, column) => checkCell(cell, index + 1, column + 1)));
    return toTable(records);
  } catch (error) {
    if (error instanceof CsvError) unreadable(error.code === "CSV_QUOTE_NOT_CLOSED" ? "unclosedQuote" : "unreadableSpreadsheet");
    throw error;
  }
}

/** The first worksheet of an .xlsx workbook, read as a stream within the limits above. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  if (unpackedBytes(bytes) > MAX_UNPACKED_BYTES) unreadable("spreadsheetTooLarge", { max: String(MAX_UNPACKED_BYTES / 1024 / 1024) });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const records: string[][] = [];
  let sheets = 0;
  let chars = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const rowNumber = row.number;
        // The header row and the data rows; one past the limit is enough to refuse.
        if (rowNumber > MAX_IMPORT_ROWS + 1) unreadable("tooManyRows");
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          if (column > MAX_IMPORT_COLUMNS) unreadable("tooManyColumns", { max: String(MAX_IMPORT_COLUMNS) });
          const text = cellText(cell);
          checkCell(text, rowNumber, column);
          chars += text.length;
          if (chars > MAX_TABLE_CHARS) unreadable("spreadsheetTooLarge", { max: String(MAX_UNPACKED_BYTES / 1024 / 1024) });
          cells[column - 1] = text;
        });
        records[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    unreadable("unreadableSpreadsheet");
  }
  if (sheets === 0) unreadable("emptySpreadsheet");
  return toTable(Array.from(records, (r) => r ?? []));
}

function cellText(cell: ExcelJS.Cell): string {
  // Formulas (plain or shared) are kept as the formula the author wrote.
  if (cell.type === ExcelJS.ValueType.Formula) return cleanText(`=${cell.formula}`);
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return cleanText(value.richText.map((part) => part.text).join(""));
    if ("text" in value) return cleanText(String(value.text));
    if ("error" in value) return String(value.error);
    return "";
  }
  return cleanText(String(value));
}

function toTable(records: string[][]): Table {
  const nonEmpty = (r: string[]) => r.some((c) => c.trim() !== "");
  const [header, ...rest] = records;
  if (!header || !nonEmpty(header)) unreadable("noHeaderRow");
  if (header.length > MAX_IMPORT_COLUMNS) unreadable("tooManyColumns", { max: String(MAX_IMPORT_COLUMNS) });
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
