// The days Thai courts do not sit: weekends, the public holidays the
// date-holidays library keeps for Thailand, and the closures an
// administrator adds (substitution days the Cabinet declares, extra
// holidays, a court shut by flood). The library has no substitution days and,
// for years not yet announced, no lunar holidays: that is what the
// administrator's list is for.
import Holidays from "date-holidays";
import { isoWeekday, type CalendarDate } from "@/lib/dates";
import type { ClosureKind } from "./schema";


/** Why a day is not a working day. Names are kept so the working can be shown without the calendar at hand. */
export type DayOff = { kind: "weekend" } | { kind: "holiday"; name: string } | { kind: "substitution" | "closure"; name: string };

export type Closure = { date: CalendarDate; kind: ClosureKind; name: string };

export type CourtCalendar = {
  /** Why the courts are closed that day, or null on a working day. */
  dayOff(date: CalendarDate): DayOff | null;
};

const thailand = new Holidays("TH");
const holidaysByYear = new Map<string, Map<CalendarDate, string>>();

/** Thailand's public holidays of a year (library data), date → English name (shown through holidayName). */
export function publicHolidays(year: number): Map<CalendarDate, string> {
  const key = String(year);
  let days = holidaysByYear.get(key);
  if (!days) {
    days = new Map();
    for (const holiday of thailand.getHolidays(year, "en")) {
      if (holiday.type !== "public") continue;
      const date = holiday.date.slice(0, 10);
      // Two holidays on one day (it happens with lunar dates): keep both names.
      days.set(date, days.has(date) ? `${days.get(date)} / ${holiday.name}` : holiday.name);
    }
    holidaysByYear.set(key, days);
  }
  return days;
}

export function courtCalendar(closures: Closure[]): CourtCalendar {
  const extra = new Map(closures.map((closure) => [closure.date, closure]));
  return {
    dayOff(date) {
      const closure = extra.get(date);
      if (closure) return { kind: closure.kind === "SUBSTITUTION" ? "substitution" : "closure", name: closure.name };
      const holiday = publicHolidays(Number(date.slice(0, 4))).get(date);
      if (holiday) return { kind: "holiday", name: holiday };
      return isoWeekday(date) >= 6 ? { kind: "weekend" } : null;
    },
  };
}
