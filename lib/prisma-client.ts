// Builds a Prisma client on the node-postgres driver adapter (Prisma 7 has
// no built-in driver). The app uses the one client in lib/db.ts; scripts
// (seed, bench) build their own with this.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

// Statements reading the audit log are prepared once per connection and
// reused. The log is partitioned by month (about a hundred tables after
// eight years), and PostgreSQL plans a query that cannot be narrowed to a
// few months (a case's history, the log page's filters) over every one of
// them: 15–30 ms of planning for 2 ms of work, on every case page. A
// prepared statement is planned for good once PostgreSQL sees that a
// generic plan is as cheap. Only these: every other statement is cheap to
// plan, and a prepared statement holds server memory for each distinct
// text on each connection, so the named set is kept small.
// A read whose good plan depends on its values (a bound to recent months,
// which lets PostgreSQL plan only those months' tables) says so with
// PLANNED_EACH_TIME and is not kept: a kept statement would, at its sixth
// call on each connection, also plan every month to weigh a generic plan
// (70 ms and more).
const PREPARED_LIMIT = 200;
export const PLANNED_EACH_TIME = "/* planned each time */";
const prepared = new Set<string>();
function statementName({ sql }: { sql: string }): string | undefined {
  if (!sql.includes('"AuditLog"') || /^\s*insert/i.test(sql) || sql.includes(PLANNED_EACH_TIME)) return undefined;
  const name = `audit_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
  if (!prepared.has(name)) {
    if (prepared.size >= PREPARED_LIMIT) return undefined;
    prepared.add(name);
  }
  return name;
}

// A pooled connection is kept while idle for up to five minutes, not
// node-postgres's ten seconds: a new connection prepares the audit log's
// statements again, planning each over every month's table, and under a
// steady load the pool was closing and opening connections between bursts,
// each paying that once more (the administrator's audit log: p95 1,086 ms
// against a p50 of 230 ms). Idle
// connections do not keep a process alive (a script that is done exits; the
// server is kept alive by its listening socket).
const IDLE_CONNECTION_MS = 5 * 60_000;

export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true }, { statementNameGenerator: statementName as (query: { sql: string }) => string });
  // With WAYPOINT_QUERY_LOG=1 (for finding a slow page, never in production)
  // each query's SQL and time are printed as a JSON line; values are not.
  if (process.env.WAYPOINT_QUERY_LOG === "1") {
    const client = new PrismaClient({ adapter, errorFormat: "minimal", log: [{ emit: "event", level: "query" }] });
    client.$on("query", (event) => console.log(JSON.stringify({ query: event.query.slice(0, 400), ms: event.duration })));
    return client;
  }
  // "minimal": an error's message does not draw the query it refused (values included).
  return new PrismaClient({ adapter, errorFormat: "minimal" });
}

export type Db = ReturnType<typeof createPrismaClient>;
