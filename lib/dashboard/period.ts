import { isDateParam, todayInBangkok } from "@/lib/dates";

export type Period = { from: string; to: string }; // Bangkok dates, `to` inclusive

/** The dashboard's date range: this calendar year so far unless chosen. Invalid input falls back to the default. */
export function parsePeriod(raw: { from?: string; to?: string }): Period {
  const today = todayInBangkok();
  const from = isDateParam(raw.from) ? raw.from : `${today.slice(0, 4)}-01-01`;
  const to = isDateParam(raw.to) ? raw.to : today;
  return from <= to ? { from, to } : { from: to, to: from };
}
