import { describe, expect, it } from "vitest";
import { viewRange, weekStart } from "./calendar-range";
import { startOfBangkokDay as bangkokMidnight } from "@/lib/dates";

describe("hearing calendar ranges", () => {
  it("starts weeks on Monday", () => {
    expect(weekStart("2026-11-22")).toBe("2026-11-16"); // a Sunday
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
  });

  it("covers whole weeks around a month", () => {
    const range = viewRange("month", "2026-02-14");
    expect(range.first).toBe("2026-01-26");
    expect(range.days).toHaveLength(35);
    expect(range.days.at(-1)).toBe("2026-03-01");
    expect(range.previous).toBe("2026-01-01");
    expect(range.next).toBe("2026-03-01");
  });

  it("uses Bangkok midnight as the start of a day", () => {
    expect(bangkokMidnight("2026-12-01").toISOString()).toBe("2026-11-30T17:00:00.000Z");
  });
});
