import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { DashboardFigures } from "@/lib/dashboard/figures";
import { figureSheets, figuresCsv, figuresXlsx } from "./figures";

const figures: DashboardFigures = {
  teams: [],
  byStatus: [{ status: "OPEN", sensitivity: "HIGH", count: 4 }],
  funnel: [{ type: "UNHCR_RSD", stage: "INTERVIEWED", count: 2 }],
  caseload: [{ id: "u1", name: "=HYPERLINK(\"http://evil\")", open: 3 }],
  detained: { total: 1, over30: 1, over60: 0, longest: [{ code: "WP-2026-000001", facility: { name: "Bangkok IDC", names: { th: "สตม." } }, days: 41, flags: ["OVER_30_DAYS"] }] },
  overdue: [{ name: null, count: 2 }],
  hearingsThisWeek: 1,
  hearings: [{ code: "WP-2026-000002", startsAt: new Date("2026-11-23T02:00:00Z"), court: { name: "Criminal Court", names: { th: "ศาลอาญา" } } }],
  newCases: [{ month: "2026-01", nationality: "KP", households: 1, people: 3 }],
  arrivals: [
    { month: "2026-01", nationality: "KP", households: 2, people: 4 },
    { month: "2026-02", nationality: "KP", households: 1, people: 2 },
  ],
  departures: [{ month: "2026-03", destination: "KR", households: 1, people: 3 }],
  durations: [{ type: "TRANSFER_TO_KOREA", stage: "IN_IDC", stays: 1, median: 10, p90: 10 }],
  closures: [],
  holds: [],
};
const period = { from: "2026-01-01", to: "2026-12-31" };

describe("figures export", () => {
  it("has one table per dashboard figure, with per-year arrivals summed from the months", () => {
    const sheets = figureSheets(figures, period);
    expect(sheets.map((s) => s.name)).toEqual([
      "period", "cases_by_status", "caseload", "proceedings_by_stage", "in_detention", "overdue_by_person", "hearings_next_7_days",
      "new_cases_per_month", "arrivals_per_month", "arrivals_per_year", "departures_per_month", "days_in_stage",
    ]);
    expect(sheets.find((s) => s.name === "arrivals_per_year")!.rows).toEqual([["2026", "KP", 3, 6]]);
    expect(sheets.find((s) => s.name === "overdue_by_person")!.rows).toEqual([["unassigned", 2]]);
  });

  it("writes the tables one after another in CSV, formulas neutralised", () => {
    const csv = figuresCsv(figureSheets(figures, period));
    expect(csv.startsWith("\uFEFFperiod\r\nfrom,to\r\n2026-01-01,2026-12-31\r\n\r\ncases_by_status\r\n")).toBe(true);
    expect(csv).toContain(`caseload\r\ncaseworker,open_cases\r\n"'=HYPERLINK(""http://evil"")",3\r\n`);
    expect(csv).toContain("in_detention\r\ncase_code,facility,days_held,flags\r\nWP-2026-000001,Bangkok IDC,41,OVER_30_DAYS\r\n");
  });

  it("writes one sheet per table in XLSX, strings kept as text and numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await figuresXlsx(figureSheets(figures, period))) as never);
    expect(workbook.worksheets.map((w) => w.name)).toContain("days_in_stage");
    const caseload = workbook.getWorksheet("caseload")!;
    // A string cell never evaluates: the name is kept exactly, with no visible guard.
    expect(caseload.getRow(2).getCell(1).value).toBe("=HYPERLINK(\"http://evil\")");
    expect(caseload.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(caseload.getRow(2).getCell(2).value).toBe(3);
  });
});
