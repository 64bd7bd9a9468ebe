import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { outsideInItsYears, percentileOfCounts, periodBuckets, type Bucket } from "./buckets";

const DAY_MS = 86_400_000;

/** Every day a bucket covers. */
function daysOf(bucket: Bucket): string[] {
  const start = Date.parse(`${bucket.startsOn}T00:00:00Z`);
  const d = new Date(start);
  const end =
    bucket.grain === "DAY" ? start + DAY_MS : bucket.grain === "MONTH" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  const days = [];
  for (let t = start; t < end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const dateArb = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms - (ms % DAY_MS)).toISOString().slice(0, 10));

describe("periodBuckets", () => {
  it("tiles a period exactly, each day once, with whole years and months where they fit", () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.constantFrom<("MONTH" | "YEAR")[][]>([], ["MONTH"], ["YEAR", "MONTH"]), (a, b, grains) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const buckets = periodBuckets({ from, to }, grains);
        const covered = buckets.flatMap(daysOf);
        const expected: string[] = [];
        for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) expected.push(new Date(t).toISOString().slice(0, 10));
        expect(covered).toEqual(expected);
        expect(buckets.every((x) => x.grain === "DAY" || grains.includes(x.grain))).toBe(true);
        // At most a month of days and a year of months at each end.
        if (grains.includes("MONTH")) expect(buckets.filter((x) => x.grain === "DAY").length).toBeLessThanOrEqual(60);
        if (grains.includes("YEAR")) expect(buckets.filter((x) => x.grain === "MONTH").length).toBeLessThanOrEqual(22);
      }),
    );
  });

  it("reads a whole year as one bucket and a ragged month as days", () => {
    expect(periodBuckets({ from: "2025-01-01", to: "2025-12-31" }, ["YEAR", "MONTH"])).toEqual([{ grain: "YEAR", startsOn: "2025-01-01" }]);
    expect(periodBuckets({ from: "2026-01-30", to: "2026-03-01" }, ["MONTH"])).toEqual([
      { grain: "DAY", startsOn: "2026-01-30" },
      { grain: "DAY", startsOn: "2026-01-31" },
      { grain: "MONTH", startsOn: "2026-02-01" },
      { grain: "DAY", startsOn: "2026-03-01" },
    ]);
  });
});

describe("percentileOfCounts", () => {
  /** percentile_cont over the values themselves. */
  function direct(values: number[], p: number) {
    const sorted = [...values].sort((a, b) => a - b);
    const position = p * (sorted.length - 1);
    const below = Math.floor(position);
    return sorted[below] + (position - below) * (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]);
  }

  it("equals the percentile of the values the counts stand for", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.integer({ min: -5, max: 400 }), count: fc.integer({ min: 0, max: 6 }) }), { minLength: 1 }), fc.constantFrom(0.5, 0.9, 0, 1), (counts, p) => {
        const values = counts.flatMap((c) => Array(c.count).fill(c.value));
        if (values.length === 0) expect(percentileOfCounts(counts, p)).toBeNaN();
        else expect(percentileOfCounts(counts, p)).toBeCloseTo(direct(values, p), 9);
      }),
    );
  });
});

describe("outsideInItsYears", () => {
  it("gives the days of the period's first and last years outside it, as months and days", () => {
    expect(outsideInItsYears({ from: "2015-03-15", to: "2026-12-04" })).toEqual([
      { grain: "MONTH", startsOn: "2015-01-01" },
      { grain: "MONTH", startsOn: "2015-02-01" },
      ...Array.from({ length: 14 }, (_, i) => ({ grain: "DAY", startsOn: `2015-03-${String(i + 1).padStart(2, "0")}` })),
      ...Array.from({ length: 27 }, (_, i) => ({ grain: "DAY", startsOn: `2026-12-${String(i + 5).padStart(2, "0")}` })),
    ]);
  });

  it("gives nothing for a period of whole years", () => {
    expect(outsideInItsYears({ from: "2015-01-01", to: "2026-12-31" })).toEqual([]);
    expect(outsideInItsYears({ from: "2026-01-01", to: "2026-10-31" })).toEqual([{ grain: "MONTH", startsOn: "2026-11-01" }, { grain: "MONTH", startsOn: "2026-12-01" }]);
  });
});
