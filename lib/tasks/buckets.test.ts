import { describe, expect, it } from "vitest";
import { bucketFor, daysUntil } from "./buckets";

describe("task buckets", () => {
  it.each([
    ["2026-11-21", "overdue"],
    ["2026-11-22", "thisWeek"],
    ["2026-11-28", "thisWeek"],
    ["2026-11-29", "later"],
  ] as const)("a task due %s is %s on 2026-11-22", (due, bucket) => {
    expect(bucketFor(due, "2026-11-22")).toBe(bucket);
  });

  it("counts days across month and leap-year ends", () => {
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
    expect(daysUntil("2025-03-01", "2025-02-28")).toBe(1);
    expect(daysUntil("2026-11-20", "2026-11-22")).toBe(-2);
  });
});
