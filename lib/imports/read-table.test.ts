import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Refusal } from "@/lib/refusal";
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_TABLE_CHARS, parseCsv, readTable, unpackedBytes } from "./read-table";
import { zipSync } from "fflate";

describe("reading spreadsheets", () => {
  it("reads quoted CSV cells with commas, quotes and line breaks, a BOM and CRLF", () => {
    const table = parseCsv('\uFEFFName,Notes\r\n"Nguyen, Van Minh","said ""hello""\nthen left"\r\nKim,\r\n\r\n');
    expect(table).toEqual({ headers: ["Name", "Notes"], rows: [["Nguyen, Van Minh", 'said "hello"\nthen left'], ["Kim", ""]] });
  });

  it("finds the separator (semicolons from a European Excel, tabs)", () => {
    expect(parseCsv("Name;Sex\nPao Vang;M\n").rows).toEqual([["Pao Vang", "M"]]);
    expect(parseCsv("Name\tSex\nPao Vang\tM").rows).toEqual([["Pao Vang", "M"]]);
  });

  it("reads quotes after spaces and stray quotes inside a cell, and a separator inside quotes on the header line", () => {
    const table = parseCsv('"Name; full","Notes"\n  "Pao Vang" ,He said 5" tall\n');
    expect(table).toEqual({ headers: ["Name; full", "Notes"], rows: [["Pao Vang", 'He said 5" tall']] });
  });

  it("refuses a file with no rows or an unclosed quote", () => {
    expect(() => parseCsv("Name,Sex\n")).toThrow(Refusal);
    expect(() => parseCsv("Name,Sex\n")).toThrow("noRows");
    expect(() => parseCsv('Name\n"Kim')).toThrow("unclosedQuote");
  });

  it("reads an XLSX formula as its formula text, never its value; dates as YYYY-MM-DD", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Cases");
    sheet.addRow(["Name", "Ethnicity", "Registered", "Year"]);
    sheet.addRow(["Pao Vang", { formula: 'CONCAT("Hm","ong")', result: "Hmong" }, new Date(Date.UTC(2019, 3, 2)), 1974]);
    sheet.addRow(["Kia Moua", { formula: "HYPERLINK(\"http://example.test\",\"x\")", result: "x" }, "", 2000]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const table = await readTable(bytes);
    expect(table.rows).toEqual([
      ["Pao Vang", '=CONCAT("Hm","ong")', "2019-04-02", "1974"],
      ["Kia Moua", '=HYPERLINK("http://example.test","x")', "", "2000"],
    ]);
  });

  // Security finding 8: a 14 KB spreadsheet (one 8 MiB text in 25 cells) took the server to 3 GB.
  it("refuses a cell longer than the limit as soon as it is read, saying where, for XLSX and CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Bomb");
    const huge = "A".repeat(8 * 1024 * 1024);
    sheet.addRow(["Name", "Note"]);
    for (let n = 0; n < 25; n++) sheet.addRow([`Person ${n}`, huge]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true } as never));
    await expect(readTable(bytes)).rejects.toMatchObject({ key: "cellTooLong", field: "file", values: { row: "2", column: "2", max: String(MAX_CELL_CHARS) } });
    expect(() => parseCsv(`Name,Note\nKim,${"B".repeat(MAX_CELL_CHARS + 1)}`)).toThrow("cellTooLong");
  });

  it("refuses more columns than the limit", () => {
    const header = Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, i) => `C${i}`).join(",");
    expect(() => parseCsv(`${header}\n${header}`)).toThrow("tooManyColumns");
  });

  it("reads what a zip says its files unpack to without unpacking them", () => {
    const zip = zipSync({ "a.xml": new Uint8Array(1000), "b.xml": new Uint8Array(234) });
    expect(unpackedBytes(Buffer.from(zip))).toBe(1234);
  });

  it("refuses a sheet whose cells together spell out more text than the limit, though each is short", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Shared");
    const text = "C".repeat(MAX_CELL_CHARS);
    sheet.addRow(["Name", "A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    const rows = Math.ceil(MAX_TABLE_CHARS / (10 * MAX_CELL_CHARS)) + 1;
    for (let n = 0; n < rows; n++) sheet.addRow(Array.from({ length: 10 }, () => text));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true } as never));
    await expect(readTable(bytes)).rejects.toMatchObject({ key: "spreadsheetTooLarge" });
  });
});
