import { describe, expect, it } from "vitest";
import { nextCaseCode } from "./create-case";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";

describe("case reference codes", () => {
  it("are WP-YYYY-NNNNNN, numbered per Bangkok year", async () => {
    // 31 December 20:00 UTC is already 1 January in Bangkok.
    const code = await testDb.$transaction((tx) => nextCaseCode(tx, new Date("2030-12-31T20:00:00Z")));
    expect(code).toMatch(/^WP-2031-\d{6}$/);
  });

  it("never repeat when many intakes run at once", async () => {
    const team = await makeTeam("Codes");
    const user = await makeUser("CASEWORKER", team.id);
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => makeCase({ teamId: team.id, actorId: user.id, caseworkerId: user.id, principal: { latinName: `Parallel ${i} ${tag()}` } })),
    );
    const codes = created.map((c) => c.code);
    expect(new Set(codes).size).toBe(12);
    for (const code of codes) expect(code).toMatch(/^WP-\d{4}-\d{6}$/);
  });

  it("leave nothing behind when the intake transaction fails", async () => {
    const team = await makeTeam("Rollback");
    const user = await makeUser("CASEWORKER", team.id);
    const name = `Rolled back ${tag()}`;
    await expect(
      testDb.$transaction(async (tx) => {
        await tx.case.create({ data: { code: `WP-1999-${tag()}`, teamId: team.id, principalName: name, nationality: "VN", updatedById: user.id } });
        throw new Error("fails half-way");
      }),
    ).rejects.toThrow("fails half-way");
    expect(await testDb.case.count({ where: { principalName: name } })).toBe(0);
  });
});
