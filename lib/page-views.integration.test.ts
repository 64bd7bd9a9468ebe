// A page's view recorded by a round trip of its own (writePageView) and by a
// step of the page's read (pageViewStep) must leave the same row.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { makeTeam, makeUser, pageViewsFrom, tag, testDb } from "@/tests/fixtures";
import { pageViewStep, writePageView } from "./page-views";

describe("a page's view", () => {
  it("is the same row whether written on its own or by the read's statement: codes once each, in the order shown, at most 500", async () => {
    const reader = await makeUser("SUPERVISOR", (await makeTeam("Page views")).id);
    const shown = ["B-1", "A-2", "B-1", "C-3", "A-2", ...Array.from({ length: 600 }, (_, i) => `M-${i}`)];
    const detail = { sort: "code", listPage: 3, filtered: true, team: null };
    for (const codes of [[], ["Z-9"], shown]) {
      const ip = `page-view ${tag()}`;
      await writePageView(reader, "board", { ip, detail }, codes);
      const rows = codes.length ? Prisma.join(codes.map((code, n) => Prisma.sql`(${code}::text, ${n}::int)`)) : Prisma.sql`(null::text, 0) limit 0`;
      await testDb.$executeRaw`with viewed as (${pageViewStep(reader, "board", { ip, detail }, Prisma.sql`select * from (values ${rows}) s(code, n)`)}) select 1`;
      const [own, step] = await pageViewsFrom(reader.id, ip);
      const { hash: ownHash, ...ownRow } = own;
      const { hash: stepHash, ...stepRow } = step;
      expect(stepRow).toEqual(ownRow);
      // Both are links of the audit chain.
      expect([ownHash, stepHash].every(Boolean)).toBe(true);
      const unique = [...new Set(codes)];
      expect(own.detail).toEqual({ page: "board", rows: unique.length, cases: unique.slice(0, 500), ...detail });
    }
  });

  it("takes figures the statement works out, over the caller's", async () => {
    const reader = await makeUser("SUPERVISOR", (await makeTeam("Page views, worked out")).id);
    const ip = `page-view ${tag()}`;
    await testDb.$executeRaw`with viewed as (${pageViewStep(reader, "board", { ip, detail: { listPage: 9 } }, Prisma.sql`select 'X-1'::text as code, 1 as n`, Prisma.sql`jsonb_build_object('listPage', 2)`)}) select 1`;
    expect((await pageViewsFrom(reader.id, ip)).map((row) => row.detail)).toEqual([{ page: "board", rows: 1, cases: ["X-1"], listPage: 2 }]);
  });
});
