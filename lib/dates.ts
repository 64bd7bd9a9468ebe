import { formatInTimeZone } from "date-fns-tz";

export const TIME_ZONE = "Asia/Bangkok";

/** The Bangkok calendar date of an instant, as "YYYY-MM-DD" (the server may run in UTC). */
export function bangkokDate(instant: Date): string {
  return formatInTimeZone(instant, TIME_ZONE, "yyyy-MM-dd");
}

/** Today's date in Bangkok as "YYYY-MM-DD". */
export function todayInBangkok(now: Date = new Date()): string {
  return bangkokDate(now);
}

/** A date column (UTC midnight) as "YYYY-MM-DD". */
export function isoDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

// Months and years typed into URLs (dashboard drill-through, reports): the
// years a case file can hold, 1900 to 2099. A hand-edited "0000" or "9999-12"
// falls outside, so it never reaches date arithmetic or PostgreSQL.
const YEAR = "(19|20)\\d{2}";
const MONTH = "(0[1-9]|1[0-2])";

/** "YYYY-MM" within 1900–2099. */
export function isMonthParam(value: unknown): value is string {
  return typeof value === "string" && new RegExp(`^${YEAR}-${MONTH}$`).test(value);
}

/** "YYYY" or "YYYY-MM" within 1900–2099. */
export function isYearOrMonthParam(value: unknown): value is string {
  return typeof value === "string" && new RegExp(`^${YEAR}(-${MONTH})?$`).test(value);
}
