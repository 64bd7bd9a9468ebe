// Builds a Prisma client on the node-postgres driver adapter (Prisma 7 has
// no built-in driver). The app uses the one client in lib/db.ts; scripts
// (seed, bench) build their own with this.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";

// Every statement is prepared once per connection and reused, so
// PostgreSQL parses it once and, once it sees that a generic plan is as
// cheap as planning each call, stops planning it. Planning was a third of
// PostgreSQL's time on a case page (about twenty small statements, each
// planned at every view), and the audit log's reads plan over every month's
// table (about a hundred after eight years): 15–30 ms of planning for 2 ms
// of work. PostgreSQL keeps planning each call a statement whose generic
// plan costs more than its own plans did, so a statement whose best plan
// depends on its values is not harmed by being prepared.
// Planned each time all the same (not prepared):
// - a page of a list over a team or more (ORDER BY … LIMIT with no one
//   case, person or user named): a generic plan there weighs an average
//   team, and the one that suits the largest team can walk a whole index
//   for a small one. Unless marked PREPARED_ANYWAY: a read whose first
//   rows come from an index of a few rows per team whatever its size (the
//   dashboard's longest held, among the open detention episodes), kept so
//   that PostgreSQL parses it once;
// - a read marked PLANNED_EACH_TIME: its good plan depends on a bound to
//   recent months, which lets PostgreSQL plan only those months' tables; a
//   kept statement would, at its sixth call on each connection, also plan
//   every month to weigh a generic plan (70 ms and more);
// - a statement with more than PARAMETER_LIMIT values: one that lists ids
//   (IN ($1, …, $n)) has a text for each length of its list, and a long list
//   costs more to run than to plan.
// A prepared statement holds server memory on each connection that has run
// it, so each process names at most PREPARED_LIMIT texts.
const PREPARED_LIMIT = 1000;
const PARAMETER_LIMIT = 100;
export const PLANNED_EACH_TIME = "/* planned each time */";
export const PREPARED_ANYWAY = "/* prepared anyway */";
/** The marks, to put at the start of a raw read (`select ${planEachTime} …`). */
export const planEachTime = Prisma.raw(PLANNED_EACH_TIME);
export const prepareAnyway = Prisma.raw(PREPARED_ANYWAY);
// A list of one case's, one person's or one user's rows: the key is on the
// statement's own table (Prisma's "t0", or the table's full name in a
// count), or a case or person on a joined one (a case's hearings, through
// their proceedings). Or rows named by their ids (`"t0"."id" IN (…)`, at
// most PARAMETER_LIMIT of them): a page of a search's cases, whose nested
// reads (each case's next task) order and limit, was planned at each view
// for 0.6 ms when any plan reads the few rows named from their key.
const ONE_RECORD = /(?:"t0"|"public"\."\w+")\."(?:id|code|caseId|personId|userId|createdById|survivingCaseId)" = \$\d|"j\d+"\."(?:caseId|personId)" = \$\d|"t0"\."id" IN \(\$\d/;
const prepared = new Set<string>();
// Each text's answer, worked out once: a case page runs some twenty-five
// statements, and hashing and testing each text at every run was a
// measurable part of the server's time.
const answers = new Map<string, string | undefined>();
export function statementName({ sql }: { sql: string }): string | undefined {
  if (answers.has(sql)) return answers.get(sql);
  const name = nameFor(sql);
  if (answers.size < PREPARED_LIMIT * 2) answers.set(sql, name);
  return name;
}

function nameFor(sql: string): string | undefined {
  if (sql.includes(PLANNED_EACH_TIME) || (sql.match(/\$\d+/g)?.length ?? 0) > PARAMETER_LIMIT) return undefined;
  const auditRead = sql.includes('"AuditLog"') && !/^\s*insert/i.test(sql);
  if (!auditRead && !sql.includes(PREPARED_ANYWAY) && /\bLIMIT\b/i.test(sql) && /\bORDER BY\b/i.test(sql) && !ONE_RECORD.test(sql)) return undefined;
  const name = `s_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
  if (!prepared.has(name)) {
    if (prepared.size >= PREPARED_LIMIT) return undefined;
    prepared.add(name);
  }
  return name;
}

// A pooled connection is kept while idle for up to five minutes, not
// node-postgres's ten seconds: a new connection prepares its statements
// again (the audit log's reads planning over every month's table), and under a
// steady load the pool was closing and opening connections between bursts,
// each paying that once more (the administrator's audit log: p95 1,086 ms
// against a p50 of 230 ms). Idle
// connections do not keep a process alive (a script that is done exits; the
// server is kept alive by its listening socket).
const IDLE_CONNECTION_MS = 5 * 60_000;

// An interactive transaction (every command runs in one) waits for a
// pooled connection up to TRANSACTION_WAIT_MS, not Prisma's default two
// seconds, as a single query or a batch does: under a burst of page views
// right after a start, one failed with a server error ("Unable to start a
// transaction in the given time") where a query would have waited its turn.
const TRANSACTION_WAIT_MS = 15_000;

// Each client has a twin on the same database whose connections keep every
// prepared statement's generic plan (plan_cache_mode = force_generic_plan
// for the connection), made when first asked for: reads that must run on a
// kept plan go there (readOnKeptPlan), so they need no transaction of their
// own to set it. A pool of its own, as the setting holds for a connection's
// life: on the main pool's connections it would also hold for reads whose
// good plan depends on their values.
const KEPT_PLANS = "-c plan_cache_mode=force_generic_plan";
// Every connection works in UTC, whatever the server's zone: times are kept
// as UTC in columns without a zone, and a raw read that compares one with
// now() (a guest's grant window, the week's hearings) would otherwise be off
// by the server's offset, seven hours on a server set to Bangkok time.
const IN_UTC = "-c TimeZone=UTC";
// From the global registry: the app's bundles may hold this module more than once.
const keptPlanTwin = Symbol.for("waypoint.keptPlanTwin");

export function createPrismaClient(connectionString: string, poolSize = 10, { keptPlans = false }: { keptPlans?: boolean } = {}) {
  const client = newPrismaClient(connectionString, poolSize, keptPlans);
  if (!keptPlans) {
    let twin: Db | undefined;
    Object.defineProperty(client, keptPlanTwin, { value: () => (twin ??= createPrismaClient(connectionString, poolSize, { keptPlans: true })) });
  }
  return client;
}

function newPrismaClient(connectionString: string, poolSize: number, keptPlans: boolean) {
  const adapter = new PrismaPg(
    { connectionString, max: poolSize, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true, options: keptPlans ? `${IN_UTC} ${KEPT_PLANS}` : IN_UTC },
    { statementNameGenerator: statementName as (query: { sql: string }) => string },
  );
  // With WAYPOINT_QUERY_LOG=1 (for finding a slow page, never in production)
  // each query's SQL and time are printed as a JSON line; values are not.
  if (process.env.WAYPOINT_QUERY_LOG === "1") {
    const client = new PrismaClient({ adapter, errorFormat: "minimal", transactionOptions: { maxWait: TRANSACTION_WAIT_MS }, log: [{ emit: "event", level: "query" }] });
    client.$on("query", (event) => console.log(JSON.stringify({ query: event.query.slice(0, 400), ms: event.duration })));
    return client;
  }
  // "minimal": an error's message does not draw the query it refused (values included).
  return new PrismaClient({ adapter, errorFormat: "minimal", transactionOptions: { maxWait: TRANSACTION_WAIT_MS } });
}

export type Db = ReturnType<typeof newPrismaClient>;

/**
 * A read run on the plan its statement keeps for the connection, planned
 * once, rather than planned again at each call. PostgreSQL plans a prepared
 * statement anew at each of its first five calls on a connection, and keeps
 * doing so while its generic plan's estimate looks dearer than a plan made
 * for the call's values, which for some reads it always does while running
 * as fast: reads of the audit log's hundred month tables (lib/audit.ts),
 * the dashboard's figures (lib/dashboard/figures.ts) and a supervisor's
 * calendar grid and agenda (lib/hearings/queries.ts). The read must be one
 * whose good plan does not hang on its values. It runs on the client's
 * kept-plan twin (above), given to `read`. (It used to run in a transaction
 * of its own that set plan_cache_mode for it alone: three more statements,
 * each a round trip that under load cost about as much as the planning
 * saved.)
 */
export function readOnKeptPlan<T>(client: Db, read: (client: Db) => Prisma.PrismaPromise<T>): Promise<T> {
  const twin = (client as unknown as { [keptPlanTwin]?: () => Db })[keptPlanTwin];
  if (!twin) throw new Error("readOnKeptPlan needs a client made by createPrismaClient");
  return read(twin());
}

/**
 * A read of the newest rows of one case or record spread over the audit
 * log's month tables, planned to read each month's index in order and merge
 * them (stopping at the page), never to read all of them and sort: in its
 * own transaction with enable_sort off for it alone (three more
 * statements). PostgreSQL cannot know how many rows the record has, and
 * weighs the two plans within a few percent of each other; for a case
 * viewed 25,000 times in a month the sort read every one of those rows
 * (300 ms), the merge 26 (1.5 ms). Only for reads whose ORDER BY an index
 * gives in every month table.
 */
export async function readInIndexOrder<T>(client: Db, query: Prisma.PrismaPromise<T>): Promise<T> {
  return readWithPlannerSetting(client, Prisma.sql`set local enable_sort = off`, query);
}

async function readWithPlannerSetting<T>(client: Db, setting: Prisma.Sql, query: Prisma.PrismaPromise<T>): Promise<T> {
  const [, rows] = await client.$transaction([client.$executeRaw(setting), query]);
  return rows;
}
