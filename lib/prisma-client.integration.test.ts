// A read with a planner setting of its own: in its own transaction
// (readInIndexOrder), where the setting holds for that read and never
// outlives it on the pooled connection, which the next request's reads
// share; or on the client's twin whose connections keep generic plans
// (readOnKeptPlan), which leaves the client's own connections as they are.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/fixtures";
import { readInIndexOrder, readOnKeptPlan } from "./prisma-client";

const setting = (name: string) => testDb.$queryRawUnsafe<{ value: string }[]>(`select current_setting('${name}') as value`);

describe("a read with a planner setting of its own", () => {
  it("reads with the setting, and leaves every pooled connection as it was", async () => {
    expect(await readInIndexOrder(testDb, setting("enable_sort"))).toEqual([{ value: "off" }]);
    expect(await readOnKeptPlan(testDb, (client) => client.$queryRaw`select current_setting('plan_cache_mode') as value`)).toEqual([{ value: "force_generic_plan" }]);
    // The pool has four connections: read on more than all of them.
    const after = await Promise.all(Array.from({ length: 8 }, () => Promise.all([setting("enable_sort"), setting("plan_cache_mode")])));
    for (const [sort, cache] of after) {
      expect(sort).toEqual([{ value: "on" }]);
      expect(cache).toEqual([{ value: "auto" }]);
    }
  });
});

describe("the app's connections", () => {
  it("work in UTC whatever the server's zone, on the kept-plan twin too, so now() compares with the UTC times the columns hold", async () => {
    const inUtc = (client: typeof testDb) => client.$queryRaw<{ zone: string; utc: boolean }[]>`select current_setting('TimeZone') as zone, now()::timestamp = (now() at time zone 'UTC') as utc`;
    expect(await inUtc(testDb)).toEqual([{ zone: "UTC", utc: true }]);
    expect(await readOnKeptPlan(testDb, (client) => inUtc(client as typeof testDb))).toEqual([{ zone: "UTC", utc: true }]);
  });
});
