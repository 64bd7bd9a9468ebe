import { describe, expect, it } from "vitest";
import { formatMinor, parseMoneyToMinor } from "./money";

describe("money in minor units", () => {
  it.each([
    ["2000", 200000],
    ["2,000", 200000],
    ["3000.5", 300050],
    ["0.01", 1],
    ["0", 0],
  ])("parses %s", (text, minor) => expect(parseMoneyToMinor(text)).toBe(minor));

  it.each(["", "abc", "-1", "1.234", "1e5", "99999999999"])("refuses %s", (text) => expect(parseMoneyToMinor(text)).toBeNull());

  it("formats without floating-point drift", () => {
    expect(formatMinor(300050)).toBe("3,000.50");
    expect(formatMinor(200000)).toBe("2,000");
    expect(formatMinor(1)).toBe("0.01");
  });
});
