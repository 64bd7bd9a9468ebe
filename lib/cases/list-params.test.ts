import { describe, expect, it } from "vitest";
import { ignoredFilters, parseCaseListParams } from "./list-params";

const read = (raw: Record<string, string>) => ignoredFilters(raw, parseCaseListParams(raw));

describe("case list filters from the address", () => {
  it("names the ones it could not read, so the list can say it left them out", () => {
    expect(read({ arrived: "0000", opened: "9999-12", proceeding: "FOO:BAR", status: "OPEN" })).toEqual(["proceeding", "opened", "arrived"]);
    expect(read({ sort: "sideways", page: "-1", team: "not-a-uuid" })).toEqual(["team", "sort", "page"]);
  });

  it("is quiet about filters it read, empty ones, and search text it only cleaned", () => {
    expect(read({ arrived: "2024-03", departed: "2025", proceeding: "CRIMINAL:VERDICT", detained: "1", page: "2", sort: "code", dir: "asc" })).toEqual([]);
    expect(read({ status: "", q: "  Nguyen\u0000 " })).toEqual([]);
  });
});
