import { describe, expect, it } from "vitest";
import { journeyAtAGlance } from "./journey-glance";

describe("journeyAtAGlance", () => {
  it("orders the dates as they happened, with the days between each", () => {
    const glance = journeyAtAGlance({ arrived: "2026-10-01", surrendered: "2026-10-17", detained: "2026-10-17", sentenceEnds: "2026-11-16", stillDetained: true }, "2026-12-01");
    expect(glance.milestones.map((m) => [m.key, m.on, m.since?.key ?? null, m.since?.days ?? null, m.ahead])).toEqual([
      ["arrived", "2026-10-01", null, null, false],
      ["surrendered", "2026-10-17", "arrived", 16, false],
      ["detained", "2026-10-17", "surrendered", 0, false],
      ["sentenceEnds", "2026-11-16", "detained", 30, false],
    ]);
    // Detained on 17 October and still held on 1 December: day 1 is the day of detention.
    expect(glance.detentionDays).toBe(46);
  });

  it("ends detention at the release, or at the departure that ended it, shown once", () => {
    const released = journeyAtAGlance({ arrived: "2026-01-01", detained: "2026-01-10", released: "2026-02-10", stillDetained: false }, "2026-12-01");
    expect(released.detentionDays).toBe(32);
    const departed = journeyAtAGlance({ detained: "2026-01-10", released: "2026-03-01", departed: "2026-03-01", stillDetained: false }, "2026-12-01");
    expect(departed.milestones.map((m) => m.key)).toEqual(["detained", "departed"]);
    expect(departed.milestones[1].since).toEqual({ key: "detained", days: 50 });
    expect(departed.detentionDays).toBe(51);
  });

  it("marks a sentence end still ahead, and has nothing to say without dates", () => {
    const glance = journeyAtAGlance({ detained: "2026-11-20", sentenceEnds: "2026-12-20", stillDetained: true }, "2026-12-01");
    expect(glance.milestones.at(-1)).toMatchObject({ key: "sentenceEnds", ahead: true });
    expect(journeyAtAGlance({ stillDetained: false }, "2026-12-01")).toEqual({ milestones: [], detentionDays: null });
  });
});
