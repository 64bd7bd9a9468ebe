import { describe, expect, it } from "vitest";
import { addCalendarDays, todayInBangkok } from "@/lib/dates";
import { detentionDays, detentionFlags, periodsOverlap, startedOnOrBeforeForMoreThan } from "./days";

describe("detentionDays", () => {
  it("counts the day of detention as day 1", () => {
    expect(detentionDays("2026-03-01", null, "2026-03-01")).toBe(1);
    expect(detentionDays("2026-03-01", "2026-03-31", "2026-11-22")).toBe(31);
  });

  it("counts 29 February in leap years", () => {
    expect(detentionDays("2024-02-01", "2024-03-01", "2024-12-01")).toBe(30);
    expect(detentionDays("2025-02-01", "2025-03-01", "2025-12-01")).toBe(29);
  });

  it("runs across year ends", () => {
    expect(detentionDays("2025-12-15", null, "2026-01-14")).toBe(31);
  });

  it("changes at midnight in Bangkok, not in UTC", () => {
    // 17:30 UTC on 31 January is 00:30 on 1 February in Bangkok (UTC+7).
    expect(todayInBangkok(new Date("2026-01-31T16:59:00Z"))).toBe("2026-01-31");
    expect(todayInBangkok(new Date("2026-01-31T17:30:00Z"))).toBe("2026-02-01");
    expect(detentionDays("2026-01-01", null, todayInBangkok(new Date("2026-01-31T16:59:00Z")))).toBe(31);
    expect(detentionDays("2026-01-01", null, todayInBangkok(new Date("2026-01-31T17:30:00Z")))).toBe(32);
  });
});

describe("startedOnOrBeforeForMoreThan", () => {
  it("marks the same start dates as the day count, across month, leap-day and year ends", () => {
    for (const today of ["2026-01-14", "2024-03-01", "2026-03-31", "2025-03-01"]) {
      for (const days of [30, 60]) {
        const cut = startedOnOrBeforeForMoreThan(days, today);
        for (let back = days - 3; back <= days + 3; back++) {
          const startedOn = addCalendarDays(today, -back);
          expect(startedOn <= cut, `${startedOn} held ${days}+ days on ${today}`).toBe(detentionDays(startedOn, null, today) > days);
        }
      }
    }
  });
});

describe("detentionFlags", () => {
  it("flags nothing within the sentence and the first 30 days", () => {
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: "2026-01-31", releasedOn: null }, "2026-01-30")).toEqual([]);
  });

  it("flags detention past the sentence", () => {
    expect(detentionFlags({ startedOn: "2026-01-10", sentenceEndsOn: "2026-01-20", releasedOn: null }, "2026-01-21")).toEqual(["PAST_SENTENCE"]);
  });

  it("flags from day 31 and from day 61", () => {
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: null, releasedOn: null }, "2026-01-30")).toEqual([]);
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: null, releasedOn: null }, "2026-01-31")).toEqual(["OVER_30_DAYS"]);
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: null, releasedOn: null }, "2026-03-01")).toEqual(["OVER_30_DAYS"]); // day 60
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: "2026-01-31", releasedOn: null }, "2026-03-02")).toEqual(["PAST_SENTENCE", "OVER_30_DAYS", "OVER_60_DAYS"]);
  });

  it("judges a released episode by its release date", () => {
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: "2026-01-30", releasedOn: "2026-01-30" }, "2026-11-22")).toEqual([]);
    expect(detentionFlags({ startedOn: "2026-01-01", sentenceEndsOn: "2026-01-30", releasedOn: "2026-02-03" }, "2026-11-22")).toEqual(["PAST_SENTENCE", "OVER_30_DAYS"]);
  });
});

describe("periodsOverlap", () => {
  it("finds shared days, including an open episode", () => {
    expect(periodsOverlap({ startedOn: "2026-01-01", releasedOn: "2026-01-31" }, { startedOn: "2026-01-31", releasedOn: null })).toBe(true);
    expect(periodsOverlap({ startedOn: "2026-01-01", releasedOn: null }, { startedOn: "2026-05-01", releasedOn: "2026-05-02" })).toBe(true);
    expect(periodsOverlap({ startedOn: "2026-01-01", releasedOn: "2026-01-31" }, { startedOn: "2026-02-01", releasedOn: null })).toBe(false);
  });
});
