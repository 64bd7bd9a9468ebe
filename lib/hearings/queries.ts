import "server-only";
import { ROWS_PER_PAGE } from "@/lib/paging";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { readOnKeptPlan } from "@/lib/prisma-client";
import type { CaseAccess } from "@/lib/cases/access";
import { hearingScope, teamColumnScope, workingTeamIds, type Actor } from "@/lib/policy";
import { findClashes } from "./clashes";
import { bangkokDate, daysFrom, TIME_ZONE, type CalendarDate } from "@/lib/dates";
import { pageViewStep, writePageView, type Viewing } from "@/lib/page-views";

export type HearingFilters = { from: Date; to: Date; counselId?: string; courtId?: string; type?: string; teamId?: string };

/** What a case's proceedings tab shows of each of a proceeding's hearings (read with the proceedings, lib/proceedings/queries). */
export const PROCEEDING_HEARING_SELECT = {
  id: true,
  startsAt: true,
  durationMinutes: true,
  purpose: true,
  outcome: true,
  nextDate: true,
  interpreter: true,
  interpreterLanguage: true,
  version: true,
  counselId: true,
  counsel: { select: { name: true } },
  court: { select: { name: true, names: true } },
} satisfies Prisma.HearingSelect;
export type ProceedingHearing = Prisma.HearingGetPayload<{ select: typeof PROCEEDING_HEARING_SELECT }>;

/** What the hearings page shows of each (the agenda and the week and month grids). */
export type CalendarHearing = {
  id: string;
  startsAt: Date;
  purpose: string;
  counselId: string | null;
  counsel: { name: string } | null;
  court: { name: string; names: unknown };
  proceeding: { type: string; case: { code: string } };
};

/**
 * The calendar's hearings by id, in one plain join: a month grid shows a
 * hundred, and read through the ORM's nested selects (a JSON object built
 * per relation and row) they cost 3.5 ms of the database's time a view
 * under load; joined, a fraction. The ids come from a read in the actor's
 * scope (hearingWhere), never from the request.
 */
async function calendarHearings(ids: string[]): Promise<Map<string, CalendarHearing>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; startsAt: Date; purpose: string; counselId: string | null; counselName: string | null; courtName: string; courtNames: unknown; type: string; code: string }[]>`
    select h.id::text, h."startsAt", h.purpose::text, h."counselId"::text as "counselId", u.name as "counselName",
           ct.name as "courtName", ct.names as "courtNames", p.type::text, c.code
    from "Hearing" h join "Court" ct on ct.id = h."courtId" join "Proceeding" p on p.id = h."proceedingId"
    join "Case" c on c.id = p."caseId" left join "User" u on u.id = h."counselId"
    where h.id = any(${ids}::uuid[])`;
  return new Map(rows.map((row) => [row.id, calendarHearingOf(row)]));
}

/** A row of a statement that joined a hearing's court, proceeding, case and counsel, its columns named as calendarHearings names them. */
type CalendarRow = { id: string; startsAt: Date; purpose: string | null; counselId: string | null; counselName: string | null; courtName: string | null; courtNames: unknown; type: string | null; code: string | null };

/** The hearing as the calendar shows it, from such a row (one read in full: its joined columns are there). */
function calendarHearingOf(row: CalendarRow, court: CalendarHearing["court"] = { name: row.courtName!, names: row.courtNames }): CalendarHearing {
  // The grid passes the court it read once (teamGrid); every other read joins it on the row.
  return {
    id: row.id,
    startsAt: row.startsAt,
    purpose: row.purpose!,
    counselId: row.counselId,
    counsel: row.counselName === null ? null : { name: row.counselName },
    court,
    proceeding: { type: row.type!, case: { code: row.code! } },
  };
}

/** The hearings read in full, in the order of `ids`, each marked if it clashes. */
function inOrder(ids: string[], shown: Map<string, CalendarHearing>, clashes: Set<string>) {
  return ids.flatMap((id) => {
    const hearing = shown.get(id);
    return hearing ? [{ ...hearing, clash: clashes.has(id) }] : [];
  });
}

function hearingWhere(actor: Actor, filters: HearingFilters): Prisma.HearingWhereInput {
  return {
    AND: [
      hearingScope(actor),
      { startsAt: { gte: filters.from, lt: filters.to } },
      filters.counselId ? { counselId: filters.counselId } : {},
      filters.courtId ? { courtId: filters.courtId } : {},
      filters.type ? { proceeding: { type: filters.type as never } } : {},
      filters.teamId ? { teamId: filters.teamId } : {},
    ],
  };
}

/**
 * The hearings a clash is looked for among: all of the counsel's hearings in
 * the period, not only the filtered ones, from the day before it (a hearing
 * that runs past midnight).
 */
function clashWindow(filters: HearingFilters) {
  return { from: daysFrom(filters.from, -1), to: filters.to };
}

/** Which of these hearings clash: checked against all of their counsel's hearings in the period (clashWindow). */
async function clashingIds(hearings: { counselId: string | null }[], filters: HearingFilters): Promise<Set<string>> {
  const counselIds = [...new Set(hearings.map((h) => h.counselId).filter((id): id is string => Boolean(id)))];
  if (!counselIds.length) return new Set();
  const window = clashWindow(filters);
  const sameCounsel = await db.hearing.findMany({
    where: { counselId: { in: counselIds }, startsAt: { gte: window.from, lt: window.to } },
    select: { id: true, counselId: true, startsAt: true, durationMinutes: true },
  });
  return findClashes(sameCounsel);
}

/**
 * One page of the hearings in a period that the actor may see (the
 * agenda, ROWS_PER_PAGE), soonest first, each marked if its counsel has
 * another at the same time (lists show case codes only, never names), and
 * the period's total. The view is recorded with the codes shown, by the
 * read's own statement where it is one (a supervisor's: pageViewStep).
 */
export async function listHearings(actor: Actor, filters: HearingFilters, page: number, viewing: Viewing) {
  const teams = teamColumnScope(actor);
  if (teams) return teamAgenda(actor, teams, filters, page, viewing);
  const where = hearingWhere(actor, filters);
  const [slots, total] = await Promise.all([
    db.hearing.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: (page - 1) * ROWS_PER_PAGE, take: ROWS_PER_PAGE, select: { id: true, counselId: true } }),
    db.hearing.count({ where }),
  ]);
  const [shown, clashes] = await Promise.all([calendarHearings(slots.map((s) => s.id)), clashingIds(slots, filters)]);
  const hearings = inOrder(slots.map((s) => s.id), shown, clashes);
  await writePageView(actor, "hearings", viewing, hearings.map((h) => h.proceeding.case.code));
  return { hearings, total };
}

/**
 * The week and month grids: each Bangkok day's count of hearings and its
 * first `perDay` in full (a cell shows a few and links to that day's
 * agenda), the period's total and how many clash. Every hearing of the
 * period is counted and checked for clashes, but only those shown are
 * read in full. The view is recorded as listHearings records it.
 */
export async function hearingGrid(actor: Actor, filters: HearingFilters, perDay: number, viewing: Viewing) {
  const teams = teamColumnScope(actor);
  if (teams) return teamGrid(actor, teams, filters, perDay, viewing);
  const slots = await db.hearing.findMany({
    where: hearingWhere(actor, filters),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true, counselId: true },
  });
  const byDay = new Map<CalendarDate, string[]>();
  for (const slot of slots) {
    const day = bangkokDate(slot.startsAt);
    const ids = byDay.get(day);
    if (ids) ids.push(slot.id);
    else byDay.set(day, [slot.id]);
  }
  const shownIds = [...byDay.values()].flatMap((ids) => ids.slice(0, perDay));
  const [shown, clashes] = await Promise.all([calendarHearings(shownIds), clashingIds(slots, filters)]);
  const days = new Map([...byDay].map(([day, ids]) => [day, { count: ids.length, hearings: inOrder(ids.slice(0, perDay), shown, clashes) }]));
  await writePageView(actor, "hearings", viewing, [...days.values()].flatMap((day) => day.hearings.map((h) => h.proceeding.case.code)));
  return { days, total: slots.length, clashes: clashes.size ? slots.filter((s) => clashes.has(s.id)).length : 0 };
}

/** A supervisor's hearings (`h`) in the period and filters, by the team each hearing carries (teamColumnScope): hearingWhere, in SQL. */
function teamHearingConditions(teams: { teamId?: string }, filters: HearingFilters): Prisma.Sql {
  const conditions = [
    Prisma.sql`h."startsAt" >= ${filters.from} and h."startsAt" < ${filters.to}`,
    ...(teams.teamId ? [Prisma.sql`h."teamId" = ${teams.teamId}::uuid`] : []),
    ...(filters.teamId ? [Prisma.sql`h."teamId" = ${filters.teamId}::uuid`] : []),
    ...(filters.counselId ? [Prisma.sql`h."counselId" = ${filters.counselId}::uuid`] : []),
    ...(filters.courtId ? [Prisma.sql`h."courtId" = ${filters.courtId}::uuid`] : []),
    ...(filters.type ? [Prisma.sql`exists (select 1 from "Proceeding" fp where fp.id = h."proceedingId" and fp.type::text = ${filters.type})`] : []),
  ];
  return Prisma.join(conditions, " and ");
}

type TeamAgendaRow = CalendarRow & {
  /** "shown": a hearing of the page, in full; "counsel": one of its counsel's hearings in the clash window (its joined columns null). */
  kind: "shown" | "counsel";
  durationMinutes: number;
  total: number;
};

/**
 * listHearings for a supervisor (whole teams, read by the team each hearing
 * carries: teamColumnScope) in one statement: the period's total, the
 * page's hearings in full, and every hearing of their counsel in the clash
 * window (clashWindow), from which the clashes are found here as the
 * general way finds them. The general way takes four statements (the
 * page's ids, the total, the hearings in full, their counsel's others).
 * The page is read from the team's index in time order and the total
 * counted from the index alone, rather than numbering every hearing of the
 * period to keep 25 (644 in the bench's 60 days: 2.1 ms against 0.9). On
 * the plan kept for the connection (readOnKeptPlan), as the grid's: the
 * same index whatever the period, page or team. The tests check that both
 * ways give the same agenda (grid.integration.test).
 */
async function teamAgenda(actor: Actor, teams: { teamId?: string }, filters: HearingFilters, page: number, viewing: Viewing) {
  const first = (page - 1) * ROWS_PER_PAGE;
  const window = clashWindow(filters);
  // The period's hearings, for the page and for its total.
  const inPeriod = teamHearingConditions(teams, filters);
  const rows = await readOnKeptPlan(db, (client) => client.$queryRaw<TeamAgendaRow[]>`
    with shown as (
      select h.*, ${first}::int + row_number() over (order by h."startsAt", h.id) as n
      from (
        select h.id, h."startsAt", h."counselId", h."durationMinutes", h."courtId", h."proceedingId", h.purpose
        from "Hearing" h where ${inPeriod}
        order by h."startsAt", h.id offset ${first} limit ${ROWS_PER_PAGE}
      ) h
    ), total as (
      select count(*)::int as total from "Hearing" h where ${inPeriod}
    ), viewed as (${pageViewStep(actor, "hearings", viewing, Prisma.sql`select c.code, s.n from shown s join "Proceeding" p on p.id = s."proceedingId" join "Case" c on c.id = p."caseId"`)})
    select 'shown' as kind, s.id::text, s."startsAt", s."counselId"::text as "counselId", s."durationMinutes", t.total, s.n,
           s.purpose::text as purpose, u.name as "counselName", ct.name as "courtName", ct.names as "courtNames", p.type::text as type, c.code
    from total t join shown s on true
    join "Proceeding" p on p.id = s."proceedingId" join "Case" c on c.id = p."caseId"
    join "Court" ct on ct.id = s."courtId" left join "User" u on u.id = s."counselId"
    union all
    select 'counsel', o.id::text, o."startsAt", o."counselId"::text, o."durationMinutes", t.total, null,
           null, null, null, null, null, null
    from total t left join "Hearing" o
      on o."counselId" in (select "counselId" from shown) and o."startsAt" >= ${window.from} and o."startsAt" < ${window.to}
    order by kind desc, n`);
  // At least one row (the total), with no hearing when the page is empty and none has counsel.
  const total = rows.length ? rows[0].total : 0;
  const clashes = findClashes(rows.filter((row) => row.kind === "counsel" && row.id !== null));
  const hearings = rows
    .filter((row) => row.kind === "shown")
    .map((row) => ({ ...calendarHearingOf(row), clash: clashes.has(row.id) }));
  return { hearings, total };
}

type TeamGridRow = CalendarRow & {
  /**
   * "drawn": a hearing of the period (its court by `courtId`); "court": a
   * court of the hearings drawn (its id, name and names); "counsel": one of
   * their counsel's hearings in the clash window (only its id, counsel,
   * start and length).
   */
  kind: "drawn" | "court" | "counsel";
  courtId: string | null;
  day: CalendarDate;
  dayCount: number;
  /** Drawn in the day's cell (its joined columns are read); otherwise counted and checked for clashes only. */
  shown: boolean;
  durationMinutes: number;
};

/**
 * hearingGrid for a supervisor (whole teams, read by the team each hearing
 * carries: teamColumnScope) in one statement: each Bangkok day's count and
 * its first `perDay` hearings in full, and of the others only those with
 * counsel (for the clash check). Read the general way, a month of 392
 * hearings came back whole to be counted and then 124 of them again in
 * full: two statements, 2.1 ms of the server's CPU against 0.8 (one at a
 * time). Every hearing of their counsel in the clash window comes with
 * them, as with the agenda (teamAgenda), for the clash check: asked apart,
 * a round trip more. Run on the plan kept for the connection
 * (readOnKeptPlan): PostgreSQL planned it anew at every call, 1.2 ms on a
 * month of the bench's team, for a plan that runs 0.7 ms faster than the
 * kept one (the same indexes, whatever the month or team): 0.5 ms a view.
 * The tests check that both ways give the same grid (grid.integration.test).
 */
async function teamGrid(actor: Actor, teams: { teamId?: string }, filters: HearingFilters, perDay: number, viewing: Viewing) {
  const window = clashWindow(filters);
  // "startsAt" holds UTC: as a Bangkok wall-clock time, its date is the Bangkok day (bangkokDate).
  const rows = await readOnKeptPlan(db, (client) => client.$queryRaw<TeamGridRow[]>`
    with slots as (
      select h.id, h."startsAt", h."counselId", h."courtId", h."proceedingId", h.purpose, d.day,
             row_number() over (partition by d.day order by h."startsAt", h.id) as place,
             count(*) over (partition by d.day)::int as "dayCount"
      from "Hearing" h, lateral (select to_char(h."startsAt" at time zone 'UTC' at time zone ${TIME_ZONE}, 'YYYY-MM-DD') as day) d
      where ${teamHearingConditions(teams, filters)}
    ), drawn as (
      select s.id::text, s."startsAt", s."counselId"::text as "counselId", s.day, s."dayCount", s.place <= ${perDay} as shown,
             s.purpose::text as purpose, u.name as "counselName", case when s.place <= ${perDay} then s."courtId" end as "courtId", p.type::text as type, c.code
      from slots s
      -- Plain joins, each only for a hearing drawn: as a lateral subquery PostgreSQL
      -- scanned the users again for each hearing rather than hashing them once.
      left join "Proceeding" p on s.place <= ${perDay} and p.id = s."proceedingId"
      left join "Case" c on c.id = p."caseId"
      left join "User" u on s.place <= ${perDay} and u.id = s."counselId"
      -- Each day's first hearing always, so a day is counted even if none is drawn.
      where s.place <= ${perDay} or s.place = 1 or s."counselId" is not null
    ), viewed as (${pageViewStep(actor, "hearings", viewing, Prisma.sql`select code, row_number() over (order by "startsAt", id collate "C") as n from drawn where shown`)})
    -- The id as text, in the order of the uuid's bytes (collation "C").
    -- Each court of the hearings drawn comes once, as a row of its own: a
    -- month grid draws a hundred hearings at a handful of courts, and each
    -- court's names in every language were written out by PostgreSQL and
    -- parsed by the server with every hearing (0.5 ms a view).
    select * from (
      select 'drawn' as kind, d.id, d."startsAt", d."counselId", d.day, d."dayCount", d.shown, d.purpose, d."counselName", d."courtId"::text as "courtId",
             null as "courtName", null::jsonb as "courtNames", d.type, d.code, null::int as "durationMinutes"
      from drawn d
      union all
      select 'court', ct.id::text, null, null, null, null, null, null, null, null, ct.name, ct.names, null, null, null
      from "Court" ct where ct.id in (select "courtId" from drawn)
      union all
      select 'counsel', o.id::text, o."startsAt", o."counselId"::text, null, null, null, null, null, null, null, null, null, null, o."durationMinutes"
      from "Hearing" o
      where o."counselId" in (select "counselId"::uuid from drawn) and o."startsAt" >= ${window.from} and o."startsAt" < ${window.to}
    ) r
    order by kind desc, "startsAt", id collate "C"`);
  const clashes = findClashes(rows.filter((row) => row.kind === "counsel"));
  const drawn = rows.filter((row) => row.kind === "drawn");
  const courts = new Map(rows.flatMap((row) => (row.kind === "court" ? [[row.id, { name: row.courtName!, names: row.courtNames }] as const] : [])));
  const days = new Map<CalendarDate, { count: number; hearings: (CalendarHearing & { clash: boolean })[] }>();
  for (const row of drawn) {
    const day = days.get(row.day) ?? { count: row.dayCount, hearings: [] };
    days.set(row.day, day);
    if (!row.shown) continue;
    const court = courts.get(row.courtId!);
    // The statement reads the court of every hearing drawn; a hearing without one would show no court name.
    if (!court) throw new Error(`the month grid read no court for hearing ${row.id}`);
    day.hearings.push({ ...calendarHearingOf(row, court), clash: clashes.has(row.id) });
  }
  const total = [...days.values()].reduce((sum, day) => sum + day.count, 0);
  return { days, total, clashes: drawn.filter((row) => clashes.has(row.id)).length };
}

export type HearingView = Awaited<ReturnType<typeof listHearings>>["hearings"][number];

/** A case's member, as the case file reads them (lib/cases/case-file). */
type CaseMemberOf = { role: string; user: { id: string; name: string; role: string; active: boolean } };

/**
 * Who may be a hearing's counsel: the active legal officers named as counsel
 * on the case. A hearing shows its case's code and reaches its counsel's
 * calendar feed, so it may go only to someone who may open the case. The
 * proceedings tab applies this to the members its case file holds; a new
 * hearing's counsel is checked against the members read at that moment.
 */
export function hearingCounselAmong(members: readonly CaseMemberOf[]): { id: string; name: string }[] {
  return members
    .filter((m) => m.role === "COUNSEL" && m.user.role === "LEGAL_OFFICER" && m.user.active)
    .map((m) => ({ id: m.user.id, name: m.user.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The case's hearing counsel now (hearingCounselAmong). */
export async function hearingCounsel(access: CaseAccess) {
  const members = await db.caseMember.findMany({
    where: { caseId: access.caseId, role: "COUNSEL" },
    select: { role: true, user: { select: { id: true, name: true, role: true, active: true } } },
  });
  return hearingCounselAmong(members);
}

/** A hearing form's choices, as columns of a statement (`courts` and `counsel`, JSON arrays): the active courts, and the active legal officers of the actor's team, each by name. */
export function hearingChoicesSql(actor: Actor): Prisma.Sql {
  const ofTeam = actor.teamId ? Prisma.sql`and u."teamId" = ${actor.teamId}::uuid` : Prisma.empty;
  return Prisma.sql`coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'names', c.names) order by c.name) from "Court" c where c.active), '[]') as courts,
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name) from "User" u where u.role = 'LEGAL_OFFICER' and u.active ${ofTeam}), '[]') as counsel`;
}

/** hearingChoicesSql's columns, as read. */
export type HearingChoices = { courts: { id: string; name: string; names: Prisma.JsonValue }[]; counsel: { id: string; name: string }[] };

/** Courts and legal officers for a hearing's fields, and (`teams`: for the hearings page's filter) the actor's teams (workingTeamIds). */
export async function hearingOptions(actor: Actor, { teams: withTeams = true } = {}) {
  // The three short lists in one statement: every hearing form shows the first two.
  const teamIds = withTeams ? workingTeamIds(actor) : [];
  const inTeams = teamIds === "every" ? Prisma.sql`true` : Prisma.sql`t.id = any(${[...teamIds]}::uuid[])`;
  const [{ courts, counsel, teams }] = await db.$queryRaw<(HearingChoices & { teams: { id: string; name: string }[] })[]>`
    select ${hearingChoicesSql(actor)},
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name) from "Team" t where ${inTeams}), '[]') as teams`;
  return { courts, counsel, teams };
}
