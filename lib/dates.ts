import { formatInTimeZone } from "date-fns-tz";

export const TIME_ZONE = "Asia/Bangkok";

/** Today's date in Bangkok as "YYYY-MM-DD" (the server may run in UTC). */
export function todayInBangkok(now: Date = new Date()): string {
  return formatInTimeZone(now, TIME_ZONE, "yyyy-MM-dd");
}

/** A date column (UTC midnight) as "YYYY-MM-DD". */
export function isoDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
