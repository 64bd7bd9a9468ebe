import { describe, expect, it } from "vitest";
import { findClashes, overlaps } from "./clashes";

const at = (id: string, counselId: string | null, iso: string, durationMinutes = 120) => ({ id, counselId, startsAt: new Date(iso), durationMinutes });

describe("hearing clashes", () => {
  it("finds overlapping hearings of the same counsel only", () => {
    const clashes = findClashes([
      at("a", "lawyer-1", "2026-12-01T02:00:00Z"),
      at("b", "lawyer-1", "2026-12-01T03:30:00Z"), // starts before a ends
      at("c", "lawyer-2", "2026-12-01T03:00:00Z"), // someone else
      at("d", "lawyer-1", "2026-12-01T04:00:00Z", 60), // starts when a ends, during b
      at("e", null, "2026-12-01T02:00:00Z"),
      at("f", "lawyer-1", "2026-12-02T02:00:00Z"),
    ]);
    expect([...clashes].sort()).toEqual(["a", "b", "d"]);
  });

  it("treats back-to-back hearings as no clash", () => {
    expect(overlaps(at("a", "x", "2026-12-01T02:00:00Z", 60), at("b", "x", "2026-12-01T03:00:00Z", 60))).toBe(false);
    expect(overlaps(at("a", "x", "2026-12-01T02:00:00Z", 61), at("b", "x", "2026-12-01T03:00:00Z", 60))).toBe(true);
  });

  it("finds a long hearing clashing with a later short one", () => {
    const clashes = findClashes([at("long", "x", "2026-12-01T01:00:00Z", 480), at("short1", "x", "2026-12-01T02:00:00Z", 30), at("short2", "x", "2026-12-01T06:00:00Z", 30)]);
    expect([...clashes].sort()).toEqual(["long", "short1", "short2"]);
  });
});
