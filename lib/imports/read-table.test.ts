import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Refusal } from "@/lib/refusal";
import { parseCsv, readTable } from "./read-table";

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
});
