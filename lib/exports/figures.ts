// The dashboard's figures as a spreadsheet: one sheet per figure in XLSX,
// the same tables one after another in CSV. Counts, stage names and case
// codes only (the detention and hearing lists name cases by code, as the
// dashboard does); no names of the people in the cases. Column names are
// stable snake_case keys, as in the case export, so a donor's formulas keep
// working month to month; codes and facility and court names are the
// English ones, whoever downloads.
import ExcelJS from "exceljs";
import type { DashboardFigures, Period } from "@/lib/dashboard/figures";
import { perYear } from "@/lib/dashboard/figures";
import { csvLine } from "./cells";

type Cell = string | number | null;
export type FigureSheet = { name: string; columns: string[]; rows: Cell[][] };

export function figureSheets(figures: DashboardFigures, period: Period): FigureSheet[] {
  return [
    { name: "period", columns: ["from", "to"], rows: [[period.from, period.to]] },
    { name: "cases_by_status", columns: ["status", "sensitivity", "cases"], rows: figures.byStatus.map((r) => [r.status, r.sensitivity, r.count]) },
    { name: "caseload", columns: ["caseworker", "open_cases"], rows: figures.caseload.map((r) => [r.name, r.open]) },
    { name: "proceedings_by_stage", columns: ["proceeding_type", "stage", "cases"], rows: figures.funnel.map((r) => [r.type, r.stage, r.count]) },
    { name: "in_detention", columns: ["case_code", "facility", "days_held", "flags"], rows: figures.detained.longest.map((r) => [r.code, r.facility.name, r.days, r.flags.join(" ")]) },
    { name: "overdue_by_person", columns: ["assignee", "overdue_tasks"], rows: figures.overdue.map((r) => [r.name ?? "unassigned", r.count]) },
    { name: "hearings_next_7_days", columns: ["case_code", "starts_at_utc", "court"], rows: figures.hearings.map((r) => [r.code, r.startsAt.toISOString(), r.court.name]) },
    { name: "new_cases_per_month", columns: ["month", "nationality", "households", "people"], rows: figures.newCases.map((r) => [r.month, r.nationality, r.households, r.people]) },
    { name: "arrivals_per_month", columns: ["month", "nationality", "households", "people"], rows: figures.arrivals.map((r) => [r.month, r.nationality, r.households, r.people]) },
    {
      name: "arrivals_per_year",
      columns: ["year", "nationality", "households", "people"],
      rows: perYear(figures.arrivals, (r) => r.nationality).map((r) => [r.year, r.group, r.households, r.people]),
    },
    { name: "departures_per_month", columns: ["month", "destination", "households", "people"], rows: figures.departures.map((r) => [r.month, r.destination, r.households, r.people]) },
    {
      name: "days_in_stage",
      columns: ["proceeding_type", "stage", "stays", "median_days", "p90_days"],
      rows: figures.durations.map((r) => [r.type, r.stage, r.stays, r.median, r.p90]),
    },
  ];
}

/** Every table in one CSV: a line naming the figure, its header, its rows, a blank line. */
export function figuresCsv(sheets: FigureSheet[]): string {
  let text = "\uFEFF";
  for (const sheet of sheets) {
    text += csvLine([sheet.name]) + csvLine(sheet.columns);
    for (const row of sheet.rows) text += csvLine(row);
    text += "\r\n";
  }
  return text;
}

export async function figuresXlsx(sheets: FigureSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31)); // Excel's limit on sheet names
    worksheet.addRow(sheet.columns);
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
