import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { repeat } from "./background";

describe("repeat", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("runs first after the first delay, then at every interval", async () => {
    const job = vi.fn(async () => {});
    repeat("test job", job, { first: 1_000, every: 5_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(job).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(job).toHaveBeenCalledTimes(3);
  });

  it("never starts a turn while the last one is still running, and runs again once it is done", async () => {
    let finish = () => {};
    const job = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const turn = repeat("slow job", job, { first: 100, every: 100 });
    await vi.advanceTimersByTimeAsync(500);
    turn();
    expect(job).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    turn();
    expect(job).toHaveBeenCalledTimes(2);
  });

  it("reports a failed turn as one line naming the job, and the next turn still runs", async () => {
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    const job = vi.fn().mockRejectedValueOnce(new Error("database away")).mockResolvedValue(undefined);
    repeat("flaky job", job, { first: 10, every: 10 });
    await vi.advanceTimersByTimeAsync(10);
    expect(report).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(report.mock.calls[0][0]))).toMatchObject({ msg: "flaky job could not run" });
    await vi.advanceTimersByTimeAsync(10);
    expect(job).toHaveBeenCalledTimes(2);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
