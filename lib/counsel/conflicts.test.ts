import { describe, expect, it } from "vitest";
import { personSearchText } from "@/lib/people/search-text";
import { findConflicts, knownNames } from "./conflicts";

const client = personSearchText({ latinName: "Nguyễn Văn Đức", nativeName: "Nguyễn Văn Đức", aliases: ["Duc Nguyen"] });

describe("counsel conflict check", () => {
  it("splits the stored search text into the names a person is known by", () => {
    expect(knownNames(client)).toEqual(["nguyen van duc", "nguyen van duc", "duc nguyen"]);
  });

  it("finds a complainant or adverse party with the client's name, ignoring accents and case", () => {
    expect(
      findConflicts([client], [
        { name: "NGUYEN VAN DUC", role: "ADVERSE_PARTY", caseRef: "WP-2026-000001" },
        { name: "Duc  Nguyen", role: "COMPLAINANT", caseRef: "WP-2026-000002" },
        { name: "Nguyen Van Duc", role: "ADVERSE_PARTY", caseRef: "WP-2026-000001" },
      ]),
    ).toEqual([
      { caseRef: "WP-2026-000001", role: "ADVERSE_PARTY" },
      { caseRef: "WP-2026-000002", role: "COMPLAINANT" },
    ]);
  });

  it("ignores witnesses and different people", () => {
    expect(
      findConflicts([client], [
        { name: "Nguyen Van Duc", role: "WITNESS", caseRef: "WP-2026-000003" },
        { name: "Nguyen Van Hung", role: "ADVERSE_PARTY", caseRef: "WP-2026-000004" },
      ]),
    ).toEqual([]);
  });
});
