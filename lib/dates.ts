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
