import { describe, expect, it } from "vitest";
import { outstanding, paidTotal, usdEquivalentCents, wouldOverpay } from "./balance";

describe("fine balance", () => {
  const fine = 200_000; // THB 2,000.00

  it("subtracts partial payments exactly", () => {
    const payments = [{ amountMinor: 50_000 }, { amountMinor: 33_333 }, { amountMinor: 10 }];
    expect(paidTotal(payments)).toBe(83_343);
    expect(outstanding(fine, payments)).toBe(116_657);
  });

  it("has no floating-point drift over many small payments", () => {
    const payments = Array.from({ length: 10 }, () => ({ amountMinor: 10 })); // ten payments of 0.10
    expect(outstanding(100, payments)).toBe(0);
  });

  it("refuses a payment above the balance and allows paying it off exactly", () => {
    const payments = [{ amountMinor: 150_000 }];
    expect(wouldOverpay(fine, payments, 50_001)).toBe(true);
    expect(wouldOverpay(fine, payments, 50_000)).toBe(false);
    expect(wouldOverpay(fine, [...payments, { amountMinor: 50_000 }], 1)).toBe(true);
  });

  it("shows a USD equivalent at the administrator's rate", () => {
    expect(usdEquivalentCents(fine, "33.5")).toBe(5970); // 2000 / 33.5 = 59.70
    expect(usdEquivalentCents(fine, "0")).toBeNull();
  });
});
