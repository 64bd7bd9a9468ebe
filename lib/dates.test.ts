import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UTCDate } from "@date-fns/utc";
import { addDays, addMonths, differenceInCalendarDays, format, getISODay, lastDayOfMonth, startOfISOWeek } from "date-fns";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import {
  addCalendarDays,
  addCalendarMonths,
  bangkokDate,
  bangkokInstant,
  calendarDaysBetween,
  daysFrom,
  dbDate,
  isoDate,
  isoWeekday,
  lastOfMonth,
  mondayOf,
  monthsBefore,
  parseIsoDate,
  startOfBangkokDay,
} from "./dates";

const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("calendar dates", () => {
  it("adding days moves by exactly that many days, and back", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -4000, max: 4000 }), (start, n) => {
        const moved = addCalendarDays(start, n);
        expect(calendarDaysBetween(start, moved)).toBe(n);
        expect(addCalendarDays(moved, -n)).toBe(start);
        expect(isoDate(dbDate(moved))).toBe(moved);
      }),
    );
  });

  it("months clamp to the month's end, as courts count", () => {
    expect(addCalendarMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addCalendarMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addCalendarMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(lastOfMonth("2026-02")).toBe("2026-02-28");
  });

  it("only real dates parse", () => {
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-2-3")).toBeNull();
    expect(isoDate(parseIsoDate("2024-02-29"))).toBe("2024-02-29");
  });

  it("weeks start on Monday", () => {
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // a Sunday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(isoWeekday("2026-12-01")).toBe(2);
  });
});

describe("Bangkok time", () => {
  it("a Bangkok day starts at 17:00 UTC the day before, whatever the server's zone", () => {
    expect(startOfBangkokDay("2026-12-01").toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(bangkokInstant("2026-12-01", "09:30").toISOString()).toBe("2026-12-01T02:30:00.000Z");
    fc.assert(
      fc.property(day, (d) => {
        expect(bangkokDate(startOfBangkokDay(d))).toBe(d);
      }),
    );
  });

  it("a day whose midnight the clocks skipped begins when they moved (1 April 1920, mean time to +07:00)", () => {
    expect(startOfBangkokDay("1920-04-01").toISOString()).toBe("1920-03-31T17:17:56.000Z");
    expect(bangkokDate(new Date(Date.UTC(1920, 2, 31, 17, 17, 55, 999)))).toBe("1920-03-31");
    expect(startOfBangkokDay("1920-03-31").toISOString()).toBe("1920-03-30T17:17:56.000Z");
  });

  it("23:30 UTC on 31 January is already 1 February in Bangkok", () => {
    expect(bangkokDate(new Date("2026-01-31T23:30:00Z"))).toBe("2026-02-01");
  });

  it("instants move by whole days", () => {
    expect(daysFrom(new Date("2026-12-01T05:00:00Z"), -30).toISOString()).toBe("2026-11-01T05:00:00.000Z");
  });
});

// The arithmetic is hand-written for speed; date-fns is the reference it must agree with.
describe("agreeing with date-fns", () => {
  const utc = (iso: string) => new UTCDate(`${iso}T00:00:00Z`);
  const ymd = (d: Date) => format(new UTCDate(d), "yyyy-MM-dd");
  const instant = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });

  it("on days, months, weeks and month ends", () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: -1200, max: 1200 }), (a, b, n) => {
        expect(addCalendarDays(a, n)).toBe(ymd(addDays(utc(a), n)));
        expect(addCalendarMonths(a, n)).toBe(ymd(addMonths(utc(a), n)));
        expect(calendarDaysBetween(a, b)).toBe(differenceInCalendarDays(utc(b), utc(a)));
        expect(mondayOf(a)).toBe(ymd(startOfISOWeek(utc(a))));
        expect(isoWeekday(a)).toBe(getISODay(utc(a)));
        expect(lastOfMonth(a.slice(0, 7))).toBe(ymd(lastDayOfMonth(utc(a))));
        expect(isoDate(parseIsoDate(a))).toBe(a);
      }),
      { numRuns: 500 },
    );
  });

  it("on instants: Bangkok's date, whole days and whole months back", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 240 }), (at, n, months) => {
        expect(bangkokDate(at)).toBe(formatInTimeZone(at, "Asia/Bangkok", "yyyy-MM-dd"));
        // A Bangkok wall-clock time of that day back to its instant, as the time zone database has it.
        const wall = formatInTimeZone(at, "Asia/Bangkok", "yyyy-MM-dd HH:mm");
        expect(bangkokInstant(wall.slice(0, 10), wall.slice(11)).getTime()).toBe(fromZonedTime(`${wall.slice(0, 10)}T${wall.slice(11)}:00`, "Asia/Bangkok").getTime());
        expect(daysFrom(at, n).getTime()).toBe(addDays(new UTCDate(at), n).getTime());
        expect(monthsBefore(at, months).getTime()).toBe(addMonths(new UTCDate(at), -months).getTime());
      }),
      { numRuns: 500 },
    );
  });
});
