import pg from "pg";
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/fixtures";
import { recordAudit } from "@/lib/audit";
import { verifyAuditChain } from "./audit-chain";

// Security finding 7: the app connected as the owner of AuditLog, so it could switch off the
// append-only triggers and rewrite history; and nothing would have shown that it had.
describe("the audit log against the app's own database account", () => {
  const asApp = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  it("may add and read rows, and nothing else: no update, delete, trigger switch or replication role", async () => {
    await asApp(async (client) => {
      await client.query(`insert into "AuditLog" (action, entity) values ('login.failed', 'User')`);
      expect((await client.query(`select count(*) from "AuditLog"`)).rowCount).toBe(1);
      const refused = async (sql: string) => (await client.query(sql).then(() => null, (error: { code?: string }) => error.code)) ?? "allowed";
      expect(await refused(`update "AuditLog" set action = 'x' where id = (select max(id) from "AuditLog")`)).toBe("42501");
      expect(await refused(`delete from "AuditLog" where id = (select max(id) from "AuditLog")`)).toBe("42501");
      expect(await refused(`truncate "AuditLog"`)).toBe("42501");
      expect(await refused(`alter table "AuditLog" disable trigger "AuditLog_append_only"`)).toBe("42501");
      expect(await refused(`set session_replication_role = replica`)).toBe("42501");
      // Everyday data it does write.
      expect(await refused(`update "SignInThrottle" set failures = failures where false`)).toBe("allowed");
    });
  });
});

describe("the audit log's hash chain", () => {
  it("holds for what was written, and names the row a superuser edits or deletes", async () => {
    const ids: bigint[] = [];
    for (const n of [1, 2, 3]) {
      await testDb.$transaction((tx) => recordAudit(tx, { actorId: null, action: "login.failed", entity: "User", detail: { chainTest: n } }));
      ids.push((await testDb.auditLog.findFirstOrThrow({ where: { detail: { path: ["chainTest"], equals: n } }, orderBy: { id: "desc" } })).id);
    }
    const rows = await testDb.auditLog.findMany({ where: { id: { in: ids } }, orderBy: { chainSeq: "asc" } });
    expect(rows.every((row) => row.hash && row.chainSeq)).toBe(true);
    // Each links to the row just before it in the chain: usually the previous one written here, but other test files write meanwhile.
    const previous = await testDb.auditLog.findFirstOrThrow({ where: { chainSeq: rows[1].chainSeq! - 1n } });
    expect(rows[1].prevHash).toBe(previous.hash);
    expect((await verifyAuditChain(testDb)).problems).toEqual([]);

    // A superuser switches the protection off and rewrites one row, then deletes another.
    await testDb.$executeRawUnsafe(`alter table "AuditLog" disable trigger "AuditLog_append_only"`);
    try {
      await testDb.$executeRaw`update "AuditLog" set detail = '{"chainTest": 99}' where id = ${ids[0]}`;
      await testDb.$executeRaw`delete from "AuditLog" where id = ${ids[1]}`;
    } finally {
      await testDb.$executeRawUnsafe(`alter table "AuditLog" enable trigger "AuditLog_append_only"`);
    }
    const report = await verifyAuditChain(testDb);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { id: String(ids[0]), chainSeq: String(rows[0].chainSeq), problem: "edited" },
        // Whichever row came next in the chain (other tests write too) now follows a gap.
        expect.objectContaining({ chainSeq: String(rows[1].chainSeq! + 1n), problem: "missing before" }),
      ]),
    );
  });
});
