import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshDatabase, withClient } from "../tests/db-helpers";
import { diffSchemas, EMPTY_SCHEMA } from "./db-migration";
import { migrate, readMigrations } from "./migrate";

// The shape of a database as PostgreSQL's catalog reports it: every table,
// column (type, nullability, default), index, constraint and enum. The audit
// log's month tables (it is partitioned by month, which Prisma's schema does
// not describe) are left out, and its indexes compared as the parent's.
const PARTITIONS = `(select c.relname from pg_class c where c.relispartition)`;

// What Prisma's schema language cannot describe, written by hand in the
// migrations: partial and covering indexes for the dashboard's and the board's reads,
// and the chain head's one-row check. They must exist, and nothing else may differ.
const HAND_WRITTEN = {
  indexes: [
    "AuditLog_case_rows_id_idx",
    "Case_refoulementRisk_idx",
    "DetentionEpisode_open_caseId_idx",
    "Hearing_startsAt_proceedingId_idx",
    "Hearing_teamId_startsAt_proceedingId_caseId_idx",
    "Person_nameKeys_korean_idx",
    "Person_nameKeys_other_idx",
    "Proceeding_caseId_id_idx",
    "Proceeding_programme_counts_idx",
    "Task_open_teamId_dueOn_idx",
  ],
  constraints: ["AuditChainHead_one_row"],
};

async function catalog(url: string) {
  return withClient(url, async (client) => {
    const columns = await client.query(`
      select table_name, column_name, data_type, udt_name, is_nullable, column_default
      from information_schema.columns
      where table_schema = 'public' and table_name <> '_prisma_migrations' and table_name not in ${PARTITIONS}
      order by table_name, column_name`);
    const indexes = await client.query(`
      select tablename, indexname, replace(indexdef, ' ON ONLY ', ' ON ') as indexdef from pg_indexes
      where schemaname = 'public' and tablename <> '_prisma_migrations' and tablename not in ${PARTITIONS}
      order by tablename, indexname`);
    const constraints = await client.query(`
      select rel.relname as table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) as definition
      from pg_constraint con join pg_class rel on rel.oid = con.conrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      where ns.nspname = 'public' and rel.relname <> '_prisma_migrations' and not rel.relispartition
      order by rel.relname, con.conname`);
    const enums = await client.query(`
      select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
      from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by t.typname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  });
}

describe("migrations", () => {
  it("produce exactly the database that prisma/schema.prisma describes", async () => {
    const scratch = process.env.DIFF_DATABASE_URL;
    if (!scratch) throw new Error("DIFF_DATABASE_URL is not set: run with `npm test`");
    const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../prisma/schema.prisma"), "utf8");
    const expectedSql = await diffSchemas(EMPTY_SCHEMA, schema, scratch);
    expect(expectedSql).toContain('CREATE TABLE "Case"');

    const expectedUrl = await freshDatabase("waypoint_schema_expected");
    await withClient(expectedUrl, async (client) => {
      await client.query("create extension if not exists pg_trgm");
      await client.query(expectedSql);
    });
    const migratedUrl = await freshDatabase("waypoint_schema_migrated");
    const applied = await migrate(migratedUrl);
    expect(applied).toEqual(readMigrations().map((m) => m.name));

    const [expected, actual] = await Promise.all([catalog(expectedUrl), catalog(migratedUrl)]);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.indexes.filter((i) => !HAND_WRITTEN.indexes.includes(i.indexname))).toEqual(expected.indexes);
    expect(actual.constraints.filter((c) => !HAND_WRITTEN.constraints.includes(c.conname))).toEqual(expected.constraints);
    expect(actual.indexes.filter((i) => HAND_WRITTEN.indexes.includes(i.indexname)).map((i) => i.indexname)).toEqual(HAND_WRITTEN.indexes);
    expect(actual.constraints.filter((c) => HAND_WRITTEN.constraints.includes(c.conname)).map((c) => c.conname)).toEqual(HAND_WRITTEN.constraints);
  }, 120_000);

  it("apply nothing the second time and refuse an edited migration", async () => {
    const url = await freshDatabase("waypoint_schema_rerun");
    await migrate(url);
    expect(await migrate(url)).toEqual([]);
    await withClient(url, (client) => client.query(`update "_prisma_migrations" set checksum = 'edited'`));
    await expect(migrate(url)).rejects.toThrow(/changed after it was applied/);
  });

  it("make the audit log append-only", async () => {
    const url = await freshDatabase("waypoint_schema_audit");
    await migrate(url);
    await withClient(url, async (client) => {
      await client.query(`insert into "AuditLog" (action, entity) values ('login', 'User')`);
      await expect(client.query(`update "AuditLog" set action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from "AuditLog"`)).rejects.toThrow(/append-only/);
      const rows = await client.query(`select action from "AuditLog"`);
      expect(rows.rows).toEqual([{ action: "login" }]);
    });
  });
});
