// The rollup buckets that tile a period. A rollup keeps each count by day
// and by the calendar month (and, for stays, the year) it falls in, so a
// figure over ten years reads ten year rows instead of 3,650 day rows: whole
// years where they fit, then whole months, then single days at the ragged
// ends. Dates are "YYYY-MM-DD" Bangkok calendar days, as in the rollups.
import type { Period } from "./period";

export type Grain = "DAY" | "MONTH" | "YEAR";
export type Bucket = { grain: Grain; startsOn: string };

const DAY_MS = 86_400_000;
const utc = (year: number, month: number, day: number) => Date.UTC(year, month, day);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The fewest buckets of the given grains (DAY always allowed) that cover exactly `from` to `to`, both included. */
export function periodBuckets(period: Period, grains: Grain[]): Bucket[] {
  const buckets: Bucket[] = [];
  const end = Date.parse(`${period.to}T00:00:00Z`) + DAY_MS; // the day after the period
  let day = Date.parse(`${period.from}T00:00:00Z`);
  while (day < end) {
    const date = new Date(day);
    const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
    const nextYear = utc(year + 1, 0, 1);
    const nextMonth = utc(year, month + 1, 1);
    if (grains.includes("YEAR") && month === 0 && dayOfMonth === 1 && nextYear <= end) {
      buckets.push({ grain: "YEAR", startsOn: iso(day) });
      day = nextYear;
    } else if (grains.includes("MONTH") && dayOfMonth === 1 && nextMonth <= end) {
      buckets.push({ grain: "MONTH", startsOn: iso(day) });
      day = nextMonth;
    } else {
      buckets.push({ grain: "DAY", startsOn: iso(day) });
      day += DAY_MS;
    }
  }
  return buckets;
}

/** The first day of a "YYYY-MM-DD" day's year (its YEAR bucket's start). */
export const yearStart = (day: string) => `${day.slice(0, 4)}-01-01`;

/**
 * The days of the period's first and last calendar years that lie outside
 * it (before `from`, after `to`), as the fewest month and day buckets. A
 * figure kept for all time, less these, covers the period exactly when no
 * data lies in any other year.
 */
export function outsideInItsYears(period: Period): Bucket[] {
  const before = period.from === yearStart(period.from) ? [] : periodBuckets({ from: yearStart(period.from), to: iso(Date.parse(`${period.from}T00:00:00Z`) - DAY_MS) }, ["MONTH"]);
  const after = period.to.endsWith("-12-31") ? [] : periodBuckets({ from: iso(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS), to: `${period.to.slice(0, 4)}-12-31` }, ["MONTH"]);
  return [...before, ...after];
}

/**
 * The value at fraction `p` (0–1) of a distribution given as counts per
 * value, interpolating between neighbours as PostgreSQL's percentile_cont
 * does over the values themselves. NaN for an empty distribution.
 */
export function percentileOfCounts(counts: { value: number; count: number }[], p: number): number {
  const sorted = counts.filter((c) => c.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return NaN;
  const position = p * (total - 1);
  const below = Math.floor(position);
  const valueAt = (index: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.count;
      if (index < seen) return c.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const lower = valueAt(below);
  return lower + (position - below) * (valueAt(Math.min(below + 1, total - 1)) - lower);
}
