// The search box on a real database, fed arbitrary text: every query answers
// with a list (possibly empty) from the searcher's own scope, never an error.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { listCases } from "@/lib/cases/queries";
import { parseCaseListParams } from "@/lib/cases/list-params";
import type { Actor } from "@/lib/policy";
import { makeCase, makeTeam, makeUser } from "./fixtures";

let caseworker: Actor;
let teamId: string;

beforeAll(async () => {
  const team = await makeTeam("Search property");
  teamId = team.id;
  caseworker = await makeUser("CASEWORKER", team.id);
  await makeCase({ teamId, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: "Nguyễn Thị Hoa", nativeName: "김미옥" } });
});

describe("search under arbitrary input", () => {
  it("returns rows in scope for any text typed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("%", "_", "\\", "\u0000", "'", "WP-", "WP-2026-", "nguyen", "김", "%' or 1=1 --", "\uD800"), fc.string({ minLength: 150, maxLength: 400 })),
        async (q) => {
          const list = await listCases(caseworker, parseCaseListParams({ q }));
          expect(list.total).toBeGreaterThanOrEqual(0);
          for (const row of list.rows) expect(row.team.name).toContain("Search property");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("still finds the household by a folded name", async () => {
    const list = await listCases(caseworker, parseCaseListParams({ q: "NGUYEN thi" }));
    expect(list.total).toBe(1);
  });
});
