import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, withClient } from "@/tests/db-helpers";
import { migrate } from "@/scripts/migrate";
import { APP_ROLE, grantAppAccess } from "@/scripts/database";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { verifyAuditChain } from "./audit-chain";

// Issue 14, item 4: the audit log partitioned by month. A database of its
// own, so rows can be written with dates years back in chain order.
let url: string;
let appUrl: string;
let owner: Db;
// A case's id on audit rows (the log does not require the case to exist).
const CASE_ID = "0b7a4c52-5f59-4e0e-9d55-6a1d2c3e4f50";

const monthTables = (client: pg.Client) =>
  client.query<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = '"AuditLog"'::regclass order by 1`).then((r) => r.rows.map((row) => row.name));

beforeAll(async () => {
  url = await freshDatabase("waypoint_audit_partitions");
  await migrate(url);
  await grantAppAccess(url, APP_ROLE);
  const app = new URL(process.env.TEST_APP_DATABASE_URL!);
  app.pathname = new URL(url).pathname;
  appUrl = app.toString();
  owner = createPrismaClient(url, 2);
}, 120_000);

afterAll(async () => {
  await owner.$disconnect();
});

describe("the audit log partitioned by month", () => {
  it("keeps a table per month, twelve ahead", async () => {
    await withClient(url, async (client) => {
      const tables = await monthTables(client);
      expect(tables).toContain("AuditLog_default");
      expect(tables.filter((t) => /^AuditLog_\d{4}_\d{2}$/.test(t)).length).toBeGreaterThanOrEqual(13);
    });
  });

  it("drops whole months past a year from the beginning of the chain, notes the anchor, and the chain still verifies", async () => {
    await withClient(url, async (client) => {
      // The chain's first rows, in order: two old months, then today.
      for (const month of ["2019-03-01", "2019-04-01"]) await client.query(`select "waypoint_audit_partition"($1::date)`, [month]);
      // A case's change in each month (copied for its timeline), among sign-ins.
      for (const [action, at] of [["login", "2019-03-05"], ["case.update", "2019-03-20"], ["case.update", "2019-04-02"]]) {
        await client.query(`insert into "AuditLog" (action, entity, "at", "caseId") values ($1, 'Case', $2, case when $1 = 'case.update' then $3::uuid end)`, [action, at, CASE_ID]);
      }
      await client.query(`insert into "AuditLog" (action, entity) values ('login', 'User')`);
    });
    // The app's own account: at least a year always stays, and month tables are out of its reach.
    await withClient(appUrl, async (client) => {
      const refused = (sql: string) => client.query(sql).then(() => "allowed", (error: { code?: string; message: string }) => error.code ?? error.message);
      expect(await refused(`select * from "waypoint_audit_drop_months_before"((now() at time zone 'UTC')::timestamp)`)).toBe("P0001");
      expect(await refused(`delete from "AuditLog_2019_03"`)).toBe("42501");
      expect(await refused(`drop table "AuditLog_2019_03"`)).toBe("42501");
      // The chain's last link moves only with a row written through the trigger.
      expect(await refused(`update "AuditChainHead" set hash = 'forged'`)).toBe("42501");
      // A case's changes are copied by the audit log's trigger only, and go only with their month.
      expect(await refused(`insert into "CaseChange" ("auditId", "at", "caseId", action, entity, day) values (1, now(), '${CASE_ID}', 'case.update', 'Case', current_date)`)).toBe("42501");
      expect(await refused(`delete from "CaseChange"`)).toBe("42501");
      const head = async () => (await client.query(`select "chainSeq"::int as seq from "AuditChainHead"`)).rows[0].seq;
      const before = await head();
      await client.query(`insert into "AuditLog" (action, entity) values ('login', 'User')`);
      expect(await head()).toBe(before + 1);
      const dropped = await client.query(`select * from "waypoint_audit_drop_months_before"('2019-04-01')`);
      expect(dropped.rows).toEqual([{ month: "2019-03", rows: "2" }]);
    });
    await withClient(url, async (client) => {
      expect(await monthTables(client)).not.toContain("AuditLog_2019_03");
      expect((await client.query(`select "chainSeq"::int as seq from "AuditChainAnchor"`)).rows).toEqual([{ seq: 2 }]);
      // March's copy of the case's change went with its month; April's stays.
      const copies = await client.query(`select to_char("at", 'YYYY-MM-DD') as at, action from "CaseChange" where "caseId" = $1`, [CASE_ID]);
      expect(copies.rows).toEqual([{ at: "2019-04-02", action: "case.update" }]);
    });
    const report = await verifyAuditChain(owner);
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(3);
  });

  it("leaves a month in place that is not the beginning of the chain", async () => {
    await withClient(url, async (client) => {
      await client.query(`select "waypoint_audit_partition"('2019-06-01'::date)`);
      // Written now with an old date: it comes after rows kept in later months.
      await client.query(`insert into "AuditLog" (action, entity, "at") values ('login', 'User', '2019-06-10')`);
      const dropped = await client.query(`select * from "waypoint_audit_drop_months_before"('2019-07-01')`);
      // April (the chain's beginning now) goes; June does not, and nothing after it.
      expect(dropped.rows.map((r) => r.month)).toEqual(["2019-04"]);
      expect(await monthTables(client)).toContain("AuditLog_2019_06");
      // A row for a month with no table yet still lands (in the default table), so no change fails for its audit row.
      await client.query(`insert into "AuditLog" (action, entity, "at") values ('login', 'User', '1999-01-01')`);
      const [{ part }] = (await client.query(`select tableoid::regclass::text as part from "AuditLog" where "at" = '1999-01-01'`)).rows;
      expect(part).toBe('"AuditLog_default"');
    });
  });
});
