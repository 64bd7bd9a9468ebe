import { describe, expect, it } from "vitest";
import { isCaseCode, isCaseCodeStart, reserveCaseCodes } from "./codes";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";

describe("case reference codes", () => {
  it("are WP-YYYY-NNNNNN, numbered per Bangkok year", async () => {
    // 31 December 20:00 UTC is already 1 January in Bangkok.
    const [code] = await testDb.$transaction((tx) => reserveCaseCodes(tx, [new Date("2030-12-31T20:00:00Z")]));
    expect(code).toMatch(/^WP-2031-\d{6}$/);
    expect(isCaseCode(code)).toBe(true);
  });

  it("are reserved in order and consecutively for a batch (import) as for one intake", async () => {
    const at = new Date("2032-06-01T00:00:00Z");
    const [single] = await testDb.$transaction((tx) => reserveCaseCodes(tx, [at]));
    const batch = await testDb.$transaction((tx) => reserveCaseCodes(tx, [at, new Date("2033-01-01T00:00:00Z"), at]));
    const number = (code: string) => Number(code.slice(-6));
    expect(batch[0].startsWith("WP-2032-") && batch[2].startsWith("WP-2032-") && batch[1].startsWith("WP-2033-")).toBe(true);
    expect([number(batch[0]), number(batch[2])]).toEqual([number(single) + 1, number(single) + 2]);
  });

  it("are recognised whole, and their start is recognised for search", () => {
    expect(isCaseCode("WP-2026-000123")).toBe(true);
    for (const partial of ["WP-2026-0001", "wp-2026", "WP-"]) {
      expect(isCaseCode(partial)).toBe(false);
      expect(isCaseCodeStart(partial)).toBe(true);
    }
    expect(isCaseCodeStart("WP-2026-0001x")).toBe(false);
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
