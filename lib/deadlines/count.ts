// How a deadline's last day is counted, as Thai courts count it (Civil and
// Commercial Code ss. 193/3, 193/5 and 193/8):
// - the day of the triggering event is not counted: a 30-day period from a
//   judgment read on 3 March ends on 2 April;
// - a period in months ends on the same date that many months later, or
//   the month's last day when that month is shorter (31 Jan + 1 month =
//   28/29 Feb);
// - when the last day is not a working day (weekend, public holiday, court
//   closure), the period ends on the next working day;
// - a period in working days counts only working days.
// A negative period counts back from a date (renew a certificate 30 days
// before it expires); a last day that is not a working day then moves to
// the working day before, so the reminder is never late.
// Pure: the calendar is passed in, the result says every step taken.
import { addCalendarDays, addCalendarMonths, type CalendarDate } from "@/lib/dates";
import type { DeadlinePeriod } from "@/lib/workflows/types";
import type { CourtCalendar, DayOff } from "./court-calendar";

export type SkippedDay = { date: CalendarDate; off: DayOff };

export type Working = {
  /** The date the period counts from (the event; that day itself is not counted). */
  countedFrom: CalendarDate;
  period: DeadlinePeriod;
  /** Where the period ended before any move. */
  lastDay: CalendarDate;
  /** Working-day periods: the days passed over inside the period. */
  skipped: SkippedDay[];
  /** The last day was not a working day: where it moved, and why, day by day. */
  moved: { from: CalendarDate; to: CalendarDate; days: SkippedDay[] } | null;
  due: CalendarDate;
};

/** Safety stop: no real calendar has this many closed days in a row. */
const MAX_CLOSED_RUN = 60;

export function countDeadline(countedFrom: CalendarDate, period: DeadlinePeriod, calendar: CourtCalendar): Working {
  const step = period.amount < 0 ? -1 : 1;
  const skipped: SkippedDay[] = [];
  let lastDay: CalendarDate;
  if (period.unit === "workingDays") {
    lastDay = countedFrom;
    let counted = 0;
    while (counted < Math.abs(period.amount)) {
      lastDay = addCalendarDays(lastDay, step);
      const off = calendar.dayOff(lastDay);
      if (off) skipped.push({ date: lastDay, off });
      else counted++;
    }
  } else {
    lastDay = period.unit === "days" ? addCalendarDays(countedFrom, period.amount) : addCalendarMonths(countedFrom, period.amount);
  }
  let due = lastDay;
  const movedDays: SkippedDay[] = [];
  for (let off = calendar.dayOff(due); off; off = calendar.dayOff(due)) {
    if (movedDays.length >= MAX_CLOSED_RUN) throw new RangeError(`no working day within ${MAX_CLOSED_RUN} days of ${lastDay}`);
    movedDays.push({ date: due, off });
    due = addCalendarDays(due, step);
  }
  return { countedFrom, period, lastDay, skipped, moved: movedDays.length ? { from: lastDay, to: due, days: movedDays } : null, due };
}
