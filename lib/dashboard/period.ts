import { isDateParam, todayInBangkok } from "@/lib/dates";

export type Period = { from: string; to: string }; // Bangkok dates, `to` inclusive

/** The dashboard's date range: this calendar year so far unless chosen. Invalid input falls back to the default. */
export function parsePeriod(raw: { from?: string; to?: string }): Period {
  const today = todayInBangkok();
  const from = isDateParam(raw.from) ? raw.from : `${today.slice(0, 4)}-01-01`;
  const to = isDateParam(raw.to) ? raw.to : today;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Calendar months from the period's first to its last, counting both ends. */
function monthsIn(period: Period) {
  const [from, to] = [period.from, period.to];
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** Over more than two years, monthly bars and rows get too many to read: the dashboard shows them per year. */
export function shownByYear(period: Period) {
  return monthsIn(period) > 24;
}
