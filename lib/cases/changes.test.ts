import { describe, expect, it } from "vitest";
import { changedFields } from "./changes";

describe("changedFields", () => {
  it("names only the fields whose values differ", () => {
    expect(changedFields({ status: "OPEN", sensitivity: "HIGH", caseworkerId: null }, { status: "CLOSED", sensitivity: "HIGH", caseworkerId: null })).toEqual(["status"]);
  });

  it("compares dates by instant and lists regardless of order", () => {
    const before = { entryDate: new Date("2025-01-02"), transitCountries: ["CN", "LA"] };
    expect(changedFields(before, { entryDate: new Date("2025-01-02T00:00:00Z"), transitCountries: ["LA", "CN"] })).toEqual([]);
    expect(changedFields(before, { entryDate: new Date("2025-01-03"), transitCountries: ["LA"] }, "journey.")).toEqual(["journey.entryDate", "journey.transitCountries"]);
  });
});
