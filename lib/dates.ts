// The one module for dates. Two kinds of value:
// - calendar dates ("YYYY-MM-DD"): dates of birth, detention, fines, due
//   dates. They are days, not instants; arithmetic on them runs in UTC
//   (Date.UTC), so no time zone or clock change can move them. PostgreSQL
//   `date` columns hold them as UTC midnight (`dbDate` / `isoDate`).
// - instants (Date): when something happened. They are shown and grouped in
//   Bangkok's time (Asia/Bangkok, UTC+7 all year).
// Nothing else in the code does date arithmetic. Calendar arithmetic is on
// UTC day numbers rather than date-fns' UTCDate: a dashboard or a list does
// it thousands of times a request, and UTCDate costs a microsecond or more
// each time; dates.test checks every function against date-fns.
import { fromZonedTime } from "date-fns-tz";

export const TIME_ZONE = "Asia/Bangkok";

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** UTC midnight of a calendar date, in milliseconds. */
function utcMs(iso: CalendarDate): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`not a calendar date: ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

// The ISO string's first ten characters are the UTC calendar date. A Date
// is not copied to be read: on the server every `new Date` goes through the
// wrapper Next.js puts around the constructor, and a list reads several
// dates of each of its rows.
function calendarDate(at: Date | number): CalendarDate {
  return (typeof at === "number" ? new Date(at) : at).toISOString().slice(0, 10);
}

/** The last day (28–31) of a month, the month counted from January 0 (and rolling over into other years). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

// ── Calendar dates ──────────────────────────────────────────────────────────

/** A calendar date that really exists ("2026-02-30" does not), as UTC midnight; null otherwise. */
export function parseIsoDate(value: string): Date | null {
  if (!ISO_DATE.test(value)) return null;
  const date = new Date(utcMs(value));
  return calendarDate(date) === value ? date : null;
}

/** A calendar date as a `date` column holds it (UTC midnight). */
export function dbDate(iso: CalendarDate): Date;
export function dbDate(iso: CalendarDate | null): Date | null;
export function dbDate(iso: CalendarDate | null): Date | null {
  return iso === null ? null : new Date(utcMs(iso));
}

/** A `date` column's value as "YYYY-MM-DD" ("" for none). */
export function isoDate(date: Date | null | undefined): CalendarDate {
  return date ? calendarDate(date) : "";
}

/** The calendar date `days` later (earlier when negative). */
export function addCalendarDays(iso: CalendarDate, days: number): CalendarDate {
  return calendarDate(utcMs(iso) + days * DAY_MS);
}

/** The calendar date `months` later; the 31st becomes the month's last day (31 Jan + 1 month = 28/29 Feb), as courts count. */
export function addCalendarMonths(iso: CalendarDate, months: number): CalendarDate {
  const date = new Date(utcMs(iso));
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  return calendarDate(Date.UTC(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month))));
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** The Monday of the week holding the date. */
export function mondayOf(iso: CalendarDate): CalendarDate {
  return addCalendarDays(iso, 1 - isoWeekday(iso));
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: CalendarDate): number {
  return new Date(utcMs(iso)).getUTCDay() || 7;
}

/** The first day of the date's month. */
export function firstOfMonth(iso: CalendarDate): CalendarDate {
  return `${iso.slice(0, 7)}-01`;
}

/** The last day of a month given as "YYYY-MM". */
export function lastOfMonth(month: string): CalendarDate {
  const first = new Date(utcMs(`${month}-01`));
  return calendarDate(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), daysInMonth(first.getUTCFullYear(), first.getUTCMonth())));
}

// ── Bangkok time ────────────────────────────────────────────────────────────

// Bangkok has kept UTC+7, with no summer time, since 1 April 1920: an
// instant since then is moved by seven hours, not looked up in the time
// zone database (formatToParts cost 2–3 µs a call, and a case's timeline
// or a month of hearings dates hundreds of instants a page). Before then
// (local mean time, +6:42:04) the time zone database answers.
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const FIXED_OFFSET_SINCE = Date.UTC(1920, 3, 1);
// One formatter, made once: formatInTimeZone builds and parses anew on every call (5 µs).
const BANGKOK_DAY = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The Bangkok calendar date of an instant (the server may run in UTC). */
export function bangkokDate(instant: Date): CalendarDate {
  const at = instant.getTime();
  if (at >= FIXED_OFFSET_SINCE) return calendarDate(at + BANGKOK_OFFSET_MS);
  const part: Record<string, string> = {};
  for (const { type, value } of BANGKOK_DAY.formatToParts(instant)) part[type] = value;
  return `${part.year}-${part.month}-${part.day}`;
}

/** Today's date in Bangkok. */
export function todayInBangkok(now: Date = new Date()): CalendarDate {
  return bangkokDate(now);
}

/** A Bangkok wall-clock date and time ("YYYY-MM-DD", "HH:MM") as an instant. */
export function bangkokInstant(date: CalendarDate, time: string): Date {
  const wallClock = Date.parse(`${date}T${time}:00Z`);
  if (wallClock - BANGKOK_OFFSET_MS >= FIXED_OFFSET_SINCE) return new Date(wallClock - BANGKOK_OFFSET_MS);
  return fromZonedTime(`${date}T${time}:00`, TIME_ZONE);
}

/** The instant a Bangkok calendar day begins (midnight in Bangkok). */
export function startOfBangkokDay(iso: CalendarDate): Date {
  const midnight = bangkokInstant(iso, "00:00");
  if (bangkokDate(midnight) === iso) return midnight;
  // A midnight the clocks skipped: at Bangkok's midnight on 1 April 1920 they
  // moved from mean time (+6:42:04) to +07:00, so that day began at 00:17:56.
  // The first instant of the day, found within the hour after.
  let [before, after] = [midnight.getTime(), midnight.getTime() + 3_600_000];
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (bangkokDate(new Date(middle)) === iso) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** The instant `days` calendar days after (before, when negative) another, in Bangkok. */
export function daysFrom(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** The instant `months` calendar months before another (the month's end where the day does not exist). */
export function monthsBefore(instant: Date, months: number): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() - months;
  const day = Math.min(instant.getUTCDate(), daysInMonth(year, month));
  return new Date(Date.UTC(year, month, day, instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds(), instant.getUTCMilliseconds()));
}

// ── Months and years typed into URLs ────────────────────────────────────────
// (dashboard drill-through, reports): the years a case file can hold, 1900
// to 2099. A hand-edited "0000" or "9999-12" falls outside, so it never
// reaches date arithmetic or PostgreSQL.
const YEAR = "(19|20)\\d{2}";
const MONTH = "(0[1-9]|1[0-2])";

/** "YYYY-MM" within 1900–2099. */
export function isMonthParam(value: unknown): value is string {
  return typeof value === "string" && new RegExp(`^${YEAR}-${MONTH}$`).test(value);
}

/** A real calendar date "YYYY-MM-DD" within 1900–2099. */
export function isDateParam(value: unknown): value is string {
  return typeof value === "string" && new RegExp(`^${YEAR}-`).test(value) && parseIsoDate(value) !== null;
}

/** "YYYY" or "YYYY-MM" within 1900–2099. */
export function isYearOrMonthParam(value: unknown): value is string {
  return typeof value === "string" && new RegExp(`^${YEAR}(-${MONTH})?$`).test(value);
}
