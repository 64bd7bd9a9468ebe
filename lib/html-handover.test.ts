import { afterEach, describe, expect, it, vi } from "vitest";
import { handOver, takeOver } from "./html-handover";

describe("the HTML hand-over", () => {
  afterEach(() => vi.useRealTimers());

  it("gives each piece back once, under its own key", () => {
    const first = handOver("<li>one</li>");
    const second = handOver("<li>two</li>");
    expect(first).not.toBe(second);
    expect(takeOver(second)).toBe("<li>two</li>");
    expect(takeOver(first)).toBe("<li>one</li>");
    // Taken is gone: a second reading (or a guessed key) finds nothing.
    expect(takeOver(first)).toBe("");
    expect(takeOver("not-a-key")).toBe("");
  });

  it("sweeps a piece no render came to take within a minute", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2036-12-06T00:00:00Z"));
    const abandoned = handOver("<li>abandoned</li>");
    vi.setSystemTime(new Date("2036-12-06T00:00:30Z"));
    const recent = handOver("<li>recent</li>");
    vi.setSystemTime(new Date("2036-12-06T00:01:05Z"));
    const next = handOver("<li>next</li>");
    expect(takeOver(abandoned)).toBe("");
    expect(takeOver(recent)).toBe("<li>recent</li>");
    expect(takeOver(next)).toBe("<li>next</li>");
  });
});
