import "server-only";
// Browsing the audit log. Supervisors read the entries about their teams'
// cases; administrators read sign-in events and account changes (they see
// no case content). Reading the log is itself audited.
import { z } from "@/lib/zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { planEachTime, readInIndexOrder } from "@/lib/prisma-client";
import { auditStep, readAuditLog, readWhileAuditing, recordAudit, type AuditEntry } from "@/lib/audit";
import { auditReach, type Actor } from "@/lib/policy";
import { addCalendarDays, isDateParam, startOfBangkokDay } from "@/lib/dates";
import { ROWS_PER_PAGE } from "@/lib/paging";

export const SIGN_IN_ACTIONS = ["login", "login.failed", "login.blocked", "logout"];
const ACCOUNT_ACTIONS = ["user.create", "user.update", "user.deactivate", "user.reactivate", "user.password", "user.totp"];
const ACCOUNT_EVENTS = [...SIGN_IN_ACTIONS, ...ACCOUNT_ACTIONS];
// A page of the log is every list's page (lib/paging).
const PAGE = ROWS_PER_PAGE;

const day = z
  .string()
  .refine(isDateParam)
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  code: z.string().trim().max(40).regex(/^[A-Za-z0-9-]*$/).optional().catch(undefined),
  actor: z.string().uuid().optional().catch(undefined),
  action: z.string().max(60).regex(/^[a-z.-]*$/).optional().catch(undefined),
  from: day,
  to: day,
  // An audit row id (bigint): anything outside that range shows the first page.
  before: z.coerce.bigint().min(1n).max(9_223_372_036_854_775_807n).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditRow = { id: bigint; at: Date; action: string; entity: string; fields: string[]; ip: string | null; detail: unknown; actor: string | null; code: string | null };

/** A page of entries, newest first, within what this actor may read; null if they may read none. */
export async function browseAudit(actor: Actor, filter: AuditFilter, ip: string | null) {
  const reach = auditReach(actor);
  if (!reach) return null;
  // The view's row says what was asked, not what was found. A reading of
  // one code writes it with the code's lookup (caseEvents); any other while
  // the page is read.
  const view: AuditEntry = {
    actorId: actor.id,
    action: "audit.view",
    entity: "AuditLog",
    ip,
    detail: { code: filter.code ?? null, actor: filter.actor ?? null, action: filter.action ?? null, from: filter.from ?? null, to: filter.to ?? null },
  };
  const rows =
    reach.events === "accounts"
      ? await readWhileAuditing(() => accountEvents(filter), recordAudit(db, view))
      : filter.code
        ? await caseEvents(reach.teamIds, filter, view)
        : await readWhileAuditing(() => caseEvents(reach.teamIds, filter, null), recordAudit(db, view));
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1].id : null };
}

/** The conditions every reading shares: who acted, what, when, and the page's start. */
function commonConditions(filter: AuditFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.actor) conditions.push(Prisma.sql`a."actorId" = ${filter.actor}::uuid`);
  if (filter.action) conditions.push(Prisma.sql`a.action = ${filter.action}`);
  if (filter.from) conditions.push(Prisma.sql`a.at >= ${startOfBangkokDay(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`a.at < ${startOfBangkokDay(addCalendarDays(filter.to, 1))}`);
  if (filter.before) conditions.push(Prisma.sql`a.id < ${filter.before}`);
  return conditions;
}

/**
 * The log is partitioned by month, and its first page usually lies in the
 * last one: read the last 31 days alone first, and every month only if they
 * hold less than a page. Rows are read newest first by
 * id, and a row's id and time rise together, so the first page is the same
 * either way.
 */
async function recentFirst(filter: AuditFilter, read: (since: Prisma.Sql) => Promise<AuditRow[]>) {
  if (!filter.before && !filter.from && !filter.to) {
    // Bounded above too (a day ahead, for a clock a little off), so that
    // PostgreSQL plans only the months that hold the bound, not the year
    // of empty months made ahead of time: planning every one of them was
    // most of a one-case reading's cost.
    const now = Date.now();
    const recent = await read(Prisma.sql`and a.at >= ${new Date(now - RECENT_DAYS * 86_400_000)} and a.at < ${new Date(now + 86_400_000)}`);
    if (recent.length > PAGE) return recent;
  }
  return read(Prisma.empty);
}
const RECENT_DAYS = 31;

/**
 * Entries about the cases of these teams (a supervisor's reading), newest
 * first. Only rows that name a case can be about one: most of the log's
 * newest rows are views of lists and dashboards, which name none, and the
 * reading walked 16,000 of them for a page at ten million rows; an index of
 * the rows that name a case (AuditLog_case_rows_id_idx) passes them over. A
 * code is looked up first, with the cases merged into it or from it, and
 * their rows read by case (the code compared row by row read the whole log;
 * read by case and time, a much-viewed case's 7,000 rows were all read and
 * sorted for a page of 50, as the page then was). The lookup also writes
 * `view`, the reading's audit row, when there is one to write: no round
 * trip of its own (lib/audit, auditStep).
 */
async function caseEvents(teams: readonly string[] | "every", filter: AuditFilter, view: AuditEntry | null) {
  // Every case has a team: "every" team is no condition on it.
  const inTeams = teams === "every" ? [] : [Prisma.sql`c."teamId" = any(${teams}::uuid[])`];
  const conditions = [Prisma.sql`a."caseId" is not null`, ...inTeams, ...commonConditions(filter)];
  let oneCase = false;
  if (filter.code) {
    const ids = await caseIdsByCode(filter.code.toUpperCase(), view);
    oneCase = ids.length === 1;
    if (ids.length === 0) return [];
    // One case (the usual): its rows newest first from the index on ("caseId", id), a page and no more.
    // The id is given as a subquery's value, which PostgreSQL plans without
    // knowing: knowing it, it weighed a much-viewed case by its share of the
    // log and, in a month where the case had a single row, walked that
    // month's 48,000 rows newest first looking for it (15 ms) rather than
    // read the case's rows from its index (0.1 ms).
    conditions.push(ids.length === 1 ? Prisma.sql`a."caseId" = (select ${ids[0]}::uuid)` : Prisma.sql`a."caseId" = any(${ids}::uuid[])`);
  }
  // Entries of a case merged into another belong to the surviving case (its team, its code).
  // Planned at each call (PLANNED_EACH_TIME, not readAuditLog): the good plan depends on the teams and the bound.
  const read = (since: Prisma.Sql) => db.$queryRaw<AuditRow[]>`${planEachTime}
      select a.id, a.at, a.action, a.entity, a.fields, a.ip, a.detail, u.name as actor, c.code
      from "AuditLog" a left join "CaseMerge" m on m."mergedCaseId" = a."caseId"
      join "Case" c on c.id = coalesce(m."survivingCaseId", a."caseId") left join "User" u on u.id = a."actorId"
      where ${Prisma.join(conditions, " and ")} ${since}
      order by a.id desc limit ${PAGE + 1}`;
  // One case's rows come from each month's index on ("caseId", id) in the page's order, merged.
  return recentFirst(filter, (since) => (oneCase ? readInIndexOrder(db, read(since)) : read(since)));
}

/**
 * The case with that code and the cases merged into it, and the case that
 * went by that code before a merge: in one statement, which also writes
 * `view` (an audit row) if given.
 */
async function caseIdsByCode(code: string, view: AuditEntry | null): Promise<string[]> {
  const [{ ids }] = await db.$queryRaw<{ ids: string[] }[]>`
    ${view ? Prisma.sql`with viewed as (${auditStep(view)})` : Prisma.empty}
    select array(
      select c.id::text from "Case" c where c.code = ${code}
      union select m."mergedCaseId"::text from "CaseMerge" m join "Case" c on c.id = m."survivingCaseId" where c.code = ${code}
      union select m."mergedCaseId"::text from "CaseMerge" m where m."mergedCode" = ${code}
    ) as ids`;
  return ids;
}

/**
 * Sign-in events and account changes (an administrator's reading), newest
 * first. Each kind is read on its own from the index on (action, time), its
 * newest first, and the few kept are merged: read newest first among all
 * entries, sign-ins are a few in every hundred views and the page walked
 * thousands of them (190 ms at ten million rows). Within a kind the index's
 * time order is the log's order, but for rows written by transactions at the
 * same moment, so each kind's reading keeps twice a page.
 */
async function accountEvents(filter: AuditFilter) {
  const kinds = filter.action ? [filter.action].filter((action) => ACCOUNT_EVENTS.includes(action)) : ACCOUNT_EVENTS;
  const conditions = commonConditions({ ...filter, action: undefined });
  if (filter.code) conditions.push(Prisma.sql`false`); // account events name no case
  const where = conditions.length ? Prisma.sql`and ${Prisma.join(conditions, " and ")}` : Prisma.empty;
  if (kinds.length === 0) return [];
  return recentFirst(filter, (since) => {
    const branches = kinds.map(
      (kind) => Prisma.sql`(select a.* from "AuditLog" a where a.action = ${kind} ${where} ${since} order by a.at desc limit ${2 * (PAGE + 1)})`,
    );
    // One generic plan kept per connection: planned at each call, the ten
    // kinds' branches cost 8–15 ms of planning even over two months, and
    // measured slower than the kept plan (p50 374 against 197 ms).
    return readAuditLog((client) => client.$queryRaw<AuditRow[]>`
      select a.id, a.at, a.action, a.entity, a.fields, a.ip, a.detail, u.name as actor, null::text as code
      from (${Prisma.join(branches, " union all ")}) a left join "User" u on u.id = a."actorId"
      order by a.id desc limit ${PAGE + 1}`);
  });
}

/** The people and actions to filter by. */
export async function auditFilterOptions(actor: Actor) {
  const reach = auditReach(actor);
  if (!reach) return { people: [] };
  const people =
    reach.events === "accounts"
      ? await db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
      : await db.user.findMany({ where: { OR: [{ team: reach.teams }, { role: "LEGAL_OFFICER" }] }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { people };
}
