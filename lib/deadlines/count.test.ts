import { describe, expect, it } from "vitest";
import { courtCalendar, publicHolidays, type Closure } from "./court-calendar";
import { countDeadline } from "./count";
import { KNOWN_HOLIDAY_NAMES, holidayName } from "./holiday-names";
import type { DeadlinePeriod } from "@/lib/workflows/types";

const thai = courtCalendar([]);
const days = (amount: number): DeadlinePeriod => ({ amount, unit: "days" });
const months = (amount: number): DeadlinePeriod => ({ amount, unit: "months" });
const workingDays = (amount: number): DeadlinePeriod => ({ amount, unit: "workingDays" });
/** A calendar with no days off: plain calendar arithmetic. */
const open = { dayOff: () => null };

describe("Thai public holidays from date-holidays", () => {
  it.each([2025, 2026, 2027])("%i has Songkran on 13–15 April, New Year and King Bhumibol's birthday", (year) => {
    const days = publicHolidays(year);
    for (const date of [`${year}-04-13`, `${year}-04-14`, `${year}-04-15`, `${year}-01-01`, `${year}-12-05`]) expect(days.has(date), date).toBe(true);
    expect(days.has(`${year}-04-16`)).toBe(false);
  });
});

describe("holiday names in the reader's language", () => {
  it("knows every public holiday the library names from 2024 to 2030, so none is shown in English to a Thai, Korean or Vietnamese reader", () => {
    for (let year = 2024; year <= 2030; year++) {
      for (const stored of publicHolidays(year).values()) {
        for (const name of stored.split(" / ")) expect(KNOWN_HOLIDAY_NAMES, `${year}: ${name}`).toContain(name);
      }
    }
  });

  it("translates each of two holidays on one day, and keeps a name it does not know", () => {
    const t = (key: string) => `<${key}>`;
    expect(holidayName("Makha Bucha / Chakri Memorial Day", t)).toBe("<makhaBucha> / <chakriMemorialDay>");
    expect(holidayName("Some New Day", t)).toBe("Some New Day");
  });
});

describe("countDeadline: the day of the event is not counted", () => {
  it.each([
    ["2026-01-13", days(30), "2026-02-12"],
    ["2024-02-15", days(15), "2024-03-01"], // leap year
    ["2026-01-15", months(1), "2026-02-16"], // 15 Feb 2026 is a Sunday: see below for moves
    ["2026-03-03", days(30), "2026-04-02"],
  ] as const)("%s + %o ends on %s", (from, period, due) => {
    expect(countDeadline(from, period, thai).due).toBe(due);
  });

  it("counts calendar days and months plainly when every day is a working day", () => {
    expect(countDeadline("2026-12-20", days(15), open).due).toBe("2027-01-04");
    expect(countDeadline("2026-03-31", days(-30), open).due).toBe("2026-03-01");
    expect(countDeadline("2026-12-31", months(1), open).due).toBe("2027-01-31");
  });
});

describe("countDeadline: a last day on a weekend moves to the next working day", () => {
  it("Saturday → Monday, saying why", () => {
    const working = countDeadline("2026-03-16", days(12), thai);
    expect(working.lastDay).toBe("2026-03-28");
    expect(working.due).toBe("2026-03-30");
    expect(working.moved).toEqual({ from: "2026-03-28", to: "2026-03-30", days: [{ date: "2026-03-28", off: { kind: "weekend" } }, { date: "2026-03-29", off: { kind: "weekend" } }] });
  });

  it("leaves a last day that is a working day alone", () => {
    const working = countDeadline("2026-03-16", days(10), thai);
    expect(working.due).toBe("2026-03-26");
    expect(working.moved).toBeNull();
  });
});

describe("countDeadline: a one-month appeal whose last day falls in Songkran", () => {
  it.each([
    // Sat 12 Apr 2025, then Songkran 13–15: ends Wed 16 April.
    ["2025-03-12", "2025-04-12", "2025-04-16", 4],
    // Mon 13 Apr 2026 is Songkran: ends Thu 16 April.
    ["2026-03-13", "2026-04-13", "2026-04-16", 3],
    // Wed 14 Apr 2027: ends Fri 16 April.
    ["2027-03-14", "2027-04-14", "2027-04-16", 2],
  ] as const)("judgment read %s: last day %s moves to %s", (from, lastDay, due, movedDays) => {
    const working = countDeadline(from, months(1), thai);
    expect(working.lastDay).toBe(lastDay);
    expect(working.due).toBe(due);
    expect(working.moved?.days).toHaveLength(movedDays);
    expect(working.moved?.days.some((d) => d.off.kind === "holiday" && d.off.name === "Songkran Festival")).toBe(true);
  });

  it("a 30-day period over New Year's Eve and New Year's Day 2026–27", () => {
    const working = countDeadline("2026-12-01", days(30), thai);
    expect(working.lastDay).toBe("2026-12-31");
    expect(working.due).toBe("2027-01-04");
    expect(working.moved?.days.map((d) => d.off.kind)).toEqual(["holiday", "holiday", "weekend", "weekend"]);
  });
});

describe("countDeadline: months clamp to the month's end", () => {
  it.each([
    ["2025-01-31", "2025-02-28", "2025-02-28"], // Friday: stays
    ["2024-01-31", "2024-02-29", "2024-02-29"], // leap year, Thursday
    ["2026-01-31", "2026-02-28", "2026-03-02"], // Saturday → Monday
    ["2027-01-29", "2027-02-28", "2027-03-01"], // Sunday → Monday
  ] as const)("%s + 1 month: last day %s, due %s", (from, lastDay, due) => {
    const working = countDeadline(from, months(1), thai);
    expect(working.lastDay).toBe(lastDay);
    expect(working.due).toBe(due);
  });
});

describe("countDeadline: working days", () => {
  it("counts only working days and lists the days passed over", () => {
    // Fri 10 Apr 2026 + 5 working days: Thu 16, Fri 17, Mon 20, Tue 21, Wed 22.
    const working = countDeadline("2026-04-10", workingDays(5), thai);
    expect(working.due).toBe("2026-04-22");
    expect(working.skipped.map((d) => d.date)).toEqual(["2026-04-11", "2026-04-12", "2026-04-13", "2026-04-14", "2026-04-15", "2026-04-18", "2026-04-19"]);
    expect(working.moved).toBeNull();
  });

  it("never ends on a day off", () => {
    for (const from of ["2025-04-09", "2026-12-29", "2027-04-12"]) {
      const due = countDeadline(from, workingDays(3), thai).due;
      expect(thai.dayOff(due), due).toBeNull();
    }
  });
});

describe("countDeadline: counting back before an expiry", () => {
  it("moves a last day that is not a working day to the working day before", () => {
    // Certificate expires Mon 20 Apr 2026; renew 7 days before = Mon 13 (Songkran) → Fri 10.
    const working = countDeadline("2026-04-20", days(-7), thai);
    expect(working.lastDay).toBe("2026-04-13");
    expect(working.due).toBe("2026-04-10");
  });
});

describe("countDeadline: closures an administrator adds", () => {
  const flood: Closure = { date: "2026-12-02", kind: "CLOSURE", name: "Flood: Bangkok courts closed" };
  const substitution: Closure = { date: "2026-06-01", kind: "SUBSTITUTION", name: "Substitution for Vesak Day" };

  it("a court closure moves the last day", () => {
    expect(countDeadline("2026-11-02", days(30), thai).due).toBe("2026-12-02");
    const working = countDeadline("2026-11-02", days(30), courtCalendar([flood]));
    expect(working.due).toBe("2026-12-03");
    expect(working.moved?.days).toEqual([{ date: "2026-12-02", off: { kind: "closure", name: flood.name } }]);
  });

  it("a substitution day for a holiday on a Sunday moves it too", () => {
    // Vesak Day, Sun 31 May 2026: the library has the holiday, not the Monday off.
    expect(countDeadline("2026-05-02", days(30), thai).due).toBe("2026-06-01");
    expect(countDeadline("2026-05-02", days(30), courtCalendar([substitution])).due).toBe("2026-06-02");
  });

  it("a closure counts as a day passed over in a working-day period", () => {
    expect(countDeadline("2026-11-27", workingDays(3), thai).due).toBe("2026-12-02");
    expect(countDeadline("2026-11-27", workingDays(3), courtCalendar([flood])).due).toBe("2026-12-03");
  });
});
