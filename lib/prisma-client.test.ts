import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/tests/db-helpers";
import { createPrismaClient, PLANNED_EACH_TIME, PREPARED_ANYWAY, statementName } from "./prisma-client";

// The database client: which statements are prepared once per connection
// (statementName), and how long a transaction waits for a connection.
describe("the database client", () => {
  const named = (sql: string) => statementName({ sql }) !== undefined;

  it("prepares a read of one case's rows, a count and a write", () => {
    expect(named(`SELECT "t0"."id" FROM "public"."Task" AS "t0" WHERE ("t0"."caseId" = $1 AND "t0"."completedAt" IS NULL) ORDER BY "t0"."dueOn" ASC LIMIT $2`)).toBe(true);
    expect(named(`SELECT COUNT(*) FROM (SELECT "public"."Notification"."id" FROM "public"."Notification" WHERE "public"."Notification"."userId" = $1) AS "sub"`)).toBe(true);
    expect(named(`UPDATE "public"."Case" SET "version" = $1 WHERE "id" = $2`)).toBe(true);
    // A case by its code, and a case's hearings through their proceedings.
    expect(named(`SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE ("t0"."code" = $1 AND 1=1) ORDER BY "t0"."id" LIMIT $2`)).toBe(true);
    expect(named(`SELECT "t0"."id" FROM "public"."Hearing" AS "t0" LEFT JOIN "public"."Proceeding" AS "j1" ON ("j1"."id") = ("t0"."proceedingId") WHERE (("j1"."caseId" = $2 AND ("j1"."id" IS NOT NULL)) AND "t0"."startsAt" >= $3) ORDER BY "t0"."startsAt" ASC LIMIT $4`)).toBe(true);
    // Rows named by their ids, with a nested read that orders and limits (a page of a search's cases).
    expect(named(`SELECT "t0"."id", "Case_tasks"."x" FROM "public"."Case" AS "t0" LEFT JOIN LATERAL (SELECT "t1"."title" FROM "public"."Task" AS "t1" WHERE "t0"."id" = "t1"."caseId" ORDER BY "t1"."dueOn" ASC LIMIT $1) AS "Case_tasks" ON true WHERE "t0"."id" IN ($2,$3,$4)`)).toBe(true);
  });

  it("plans each time a page of a list over a team, whose best plan depends on the team's size", () => {
    expect(named(`SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE ("t0"."teamId" = $1) ORDER BY "t0"."code" ASC LIMIT $2`)).toBe(false);
    // A caseworker's cases name a user, but in a subquery: still a list over many cases.
    expect(named(`SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE EXISTS(SELECT 1 FROM "public"."CaseMember" AS "t1" WHERE "t1"."userId" = $1) ORDER BY "t0"."code" LIMIT $2`)).toBe(false);
    // A team's users through a join names the team, not one record.
    expect(named(`SELECT "t0"."id" FROM "public"."User" AS "t0" LEFT JOIN "public"."Team" AS "j1" ON ("j1"."id") = ("t0"."teamId") WHERE "j1"."id" = $1 ORDER BY "t0"."name" LIMIT $2`)).toBe(false);
    // Unless marked to be prepared anyway: its first rows come from a few per team.
    expect(named(`select ${PREPARED_ANYWAY} "caseId" from "DetentionEpisode" where "teamId" = any($1) and "releasedOn" is null order by "startedOn" limit $2`)).toBe(true);
  });

  it("plans each time a statement listing more than a hundred values, whose text differs by the list's length", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(",");
    expect(named(`SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE "t0"."id" IN (${list(100)})`)).toBe(true);
    expect(named(`SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE "t0"."id" IN (${list(101)})`)).toBe(false);
  });

  it("prepares the audit log's reads, unless marked as planned each time", () => {
    expect(named(`select id from "AuditLog" where "caseId" = any($1::uuid[]) order by at desc limit $2`)).toBe(true);
    expect(named(`${PLANNED_EACH_TIME} select id from "AuditLog" where at >= $1 order by at desc limit $2`)).toBe(false);
  });

  it("gives the same text the same name, and different texts different names", () => {
    const a = statementName({ sql: `SELECT "t0"."id" FROM "public"."Team" AS "t0" WHERE "t0"."id" = $1` });
    expect(statementName({ sql: `SELECT "t0"."id" FROM "public"."Team" AS "t0" WHERE "t0"."id" = $1` })).toBe(a);
    expect(statementName({ sql: `SELECT "t0"."name" FROM "public"."Team" AS "t0" WHERE "t0"."id" = $1` })).not.toBe(a);
  });

  describe("on a real connection", () => {
    // One connection, so the read of pg_prepared_statements sees the statements the client prepared.
    const db = createPrismaClient(testDatabaseUrl(), 1);
    afterAll(() => db.$disconnect());

    it("lets a transaction wait for a busy pool's connection longer than Prisma's two seconds", async () => {
      // The only connection is held for three seconds; the second transaction waits for it and succeeds.
      const holding = db.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_sleep(3)`;
        return "held";
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // An interactive transaction, as every command runs in (a batch of queries waits regardless).
      const waited = await db.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`select 1 as one`);
      expect(await holding).toBe("held");
      expect(waited[0].one).toBe(1);
    }, 20_000);

    it("prepares a Prisma read once and reuses it with other values", async () => {
      const missing = "00000000-0000-4000-8000-000000000000";
      expect(await db.team.findUnique({ where: { id: missing }, select: { id: true } })).toBeNull();
      expect(await db.team.findUnique({ where: { id: "00000000-0000-4000-8000-000000000001" }, select: { id: true } })).toBeNull();
      const statements = await db.$queryRaw<{ statement: string }[]>`select statement from pg_prepared_statements where statement like '%FROM "public"."Team"%' and statement not like '%pg_prepared_statements%'`;
      expect(statements).toHaveLength(1);
    });
  });
});
