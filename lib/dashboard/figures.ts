import "server-only";
// The supervisor dashboard's figures, aggregated in SQL over the teams the
// actor supervises. Months are Bangkok calendar months: a case opened at
// 23:30 UTC on 31 January counts in February.
import { db } from "@/lib/db";
import { readDb } from "@/lib/read-replica";
import { Prisma } from "@/lib/generated/prisma/client";
import { prepareAnyway, readOnKeptPlan } from "@/lib/prisma-client";
import { recordAudit } from "@/lib/audit";
import { pageViewStep, writePageView, type Viewing } from "@/lib/page-views";
import { supervisedTeamIds, type Actor } from "@/lib/policy";
import { daysFrom, isoDate, todayInBangkok } from "@/lib/dates";
import { detentionDays, detentionFlags, startedOnOrBeforeForMoreThan } from "@/lib/detention/days";
import { GRAPHS, type ProceedingType } from "@/lib/workflows";
import { outsideInItsYears, percentileOfCounts, periodBuckets, yearStart, type Bucket } from "./buckets";
import type { Period } from "./period";

export type { Period };

/**
 * Times one figure's query. With WAYPOINT_QUERY_TIMINGS=1 (set by `npm run
 * bench`) each time is printed as a JSON line; otherwise this only awaits.
 */
async function timed<T>(name: string, query: Promise<T>): Promise<T> {
  if (process.env.WAYPOINT_QUERY_TIMINGS !== "1") return query;
  const started = performance.now();
  const result = await query;
  console.log(JSON.stringify({ dashboardQuery: name, ms: Math.round((performance.now() - started) * 10) / 10 }));
  return result;
}

const n = (value: unknown) => Number(value ?? 0);

/**
 * The teams the figures cover (`selected`): every team the actor oversees,
 * or the one chosen among them (an organisation-wide supervisor looking at
 * one team), and the teams there are to choose among (`choices`, by name).
 * A supervisor of one team has none to choose among, and their team is
 * known without a statement (supervisedTeamIds).
 */
export async function figureTeams(actor: Actor, chosen?: string): Promise<{ choices: { id: string; name: string }[]; selected: string[] }> {
  const ids = supervisedTeamIds(actor);
  if (ids !== "every") return { choices: [], selected: [...ids] };
  const choices = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const selected = chosen && choices.some((t) => t.id === chosen) ? [chosen] : choices.map((t) => t.id);
  return { choices, selected };
}

/** Rows of a rollup whose buckets tile the period (see ./buckets). */
function inBuckets(buckets: Bucket[]) {
  return Prisma.sql`("grain", "startsOn") in (select * from unnest(${buckets.map((b) => b.grain)}::"RollupGrain"[], ${buckets.map((b) => b.startsOn)}::date[]))`;
}

/** A query's rows as one JSON array, in the order given (over its columns as `x`). */
function rowsOf(query: Prisma.Sql, order: Prisma.Sql = Prisma.empty) {
  return Prisma.sql`(select coalesce(json_agg(x ${order}), '[]'::json) from (${query}) x)`;
}

type StayCounts = { type: string; stage: string; days: number[]; stays: number[] };

// The figures' rows as JSON gives them: sums and counts as numbers, days as "YYYY-MM-DD", times as ISO text.
type FigureRows = {
  byStatus: { status: string; sensitivity: string; count: number }[];
  funnel: { type: string; stage: string; count: number }[];
  caseload: { id: string; name: string; open: number }[];
  held: { total: number; over30: number; over60: number };
  detained: { code: string; startedOn: string; sentenceEndsOn: string | null; facility: string; facilityNames: unknown }[];
  overdue: { name: string | null; count: number }[];
  hearingsThisWeek: number;
  hearings: { code: string; startsAt: string; court: string; courtNames: unknown }[];
  newCases: { month: string; nationality: string; households: number; people: number }[];
  arrivals: { month: string; nationality: string; households: number; people: number }[];
  departures: { month: string; destination: string; households: number; people: number }[];
  // Each stage's stay lengths with how many stays had each, in three parts
  // to add up: the period's, or the all-time rows (a part a team) less the
  // days outside the period.
  durations: StayCounts[];
  durationsAll: StayCounts[];
  durationsLess: StayCounts[];
  closures: { code: string; requestedAt: string }[];
  holds: { code: string; placedAt: string }[];
};

/**
 * The figures for the teams over the period. `detainedListed` caps the list
 * of people held now (longest held first): the dashboard shows its first
 * few and the monthly report none, while the counts always cover everyone
 * held; without a cap (the download) everyone is listed. `hearingsListed`
 * caps the list of the week's hearings the same way (soonest first; the
 * count, `hearingsThisWeek`, covers them all). `oversightListed`
 * caps the lists of pending closure requests and standing legal holds on the
 * teams' cases (the dashboard's; none unless asked). `byYear`: new
 * cases, arrivals and departures by calendar year ("2025") rather than by
 * month ("2025-01"), as the dashboard shows a long period. `view`: the
 * dashboard's view of them, recorded with the cases it names (its lists of
 * the longest held, the week's hearings, pending closures and standing
 * holds, in that order): by the figures' own statement when it runs on the
 * primary (pageViewStep), by a write of its own after a replica's read.
 */
export async function dashboardFigures(
  teams: string[],
  period: Period,
  {
    detainedListed,
    hearingsListed,
    byYear = false,
    oversightListed = 0,
    view,
  }: { detainedListed?: number; hearingsListed?: number; byYear?: boolean; oversightListed?: number; view?: { actor: Pick<Actor, "id">; viewing: Viewing } } = {},
) {
  // Teams a supervisor oversees: read from a replica where there is one (lib/read-replica).
  const reader = await readDb();
  // A step of the statement costs no round trip and no transaction of its
  // own: written apart, the row took a statement, a commit and a wait for
  // the audit chain's head after the figures had been read (session 46).
  const recordedByRead = view !== undefined && reader === db;
  const viewedStep = recordedByRead
    ? Prisma.sql`, viewed as (${pageViewStep(
        view.actor,
        "dashboard",
        view.viewing,
        Prisma.sql`
      select code, row_number() over (order by "startedOn", code) as n from detained_listed
      union all select code, 1000000 + row_number() over (order by "startsAt", code) from hearings_listed
      union all select code, 2000000 + row_number() over (order by "requestedAt", code) from closures_listed
      union all select code, 3000000 + row_number() over (order by "placedAt", code) from holds_listed`,
      )})`
    : Prisma.empty;
  const today = todayInBangkok();
  const weekEnd = daysFrom(new Date(), 7);
  // Monthly figures read whole months and the days at the period's ends,
  // and whole years too when they are shown by year; time in stage always.
  const months = inBuckets(periodBuckets(period, byYear ? ["YEAR", "MONTH"] : ["MONTH"]));
  const years = inBuckets(periodBuckets(period, ["YEAR", "MONTH"]));
  const outside = inBuckets(outsideInItsYears(period));
  const label = byYear ? "YYYY" : "YYYY-MM";

  // Every count comes from a rollup kept by triggers in the same transaction
  // as the change (migrations 20261201170342_dashboard_rollups and
  // 20261201190014_dashboard_rollups_by_period), or from a partial index
  // over the few open rows: each reads a few rows per team and group, and
  // is current at every request. They are read in one statement, each
  // figure's rows as a JSON array: eleven statements cost the server more
  // to send, plan and turn into objects than they cost the database to run.
  // Prepared once per connection (PREPARED_ANYWAY), so PostgreSQL parses
  // it once, and run on the plan kept with it (readOnKeptPlan): its generic
  // plan, made for arrays of unknown length, looks three times dearer than
  // it is, and PostgreSQL kept planning it at each call for each call's
  // values, 1.2–2 ms every time. Measured on the bench's team of 50,000
  // cases, the kept plan runs as fast (this year: 4.1 against 6.6 ms a
  // call, planning included; since 2015: 10.3 against 10.5 ms).
  const [figures] = await timed("figures", readOnKeptPlan(reader, (client) => client.$queryRaw<[FigureRows]>`${prepareAnyway}
    with whole as (
      select coalesce(bool_and(f.first >= ${yearStart(period.from)}::date and f.last <= ${yearStart(period.to)}::date), false) as covered
      from unnest(${teams}::uuid[]) as team(id) cross join lateral (
        select min("startsOn") as first, max("startsOn") as last from "RollupStays" where "teamId" = team.id and grain = 'YEAR'
      ) f
    ),
    -- The lists that name cases (each explained where it is read below),
    -- read once for the figures and for the view's audit row.
    detained_listed as (
      select c.code, to_char(d."startedOn", 'YYYY-MM-DD') as "startedOn", to_char(d."sentenceEndsOn", 'YYYY-MM-DD') as "sentenceEndsOn", f.name as facility, f.names as "facilityNames"
      from unnest(${teams}::uuid[]) as team(id) cross join lateral (
        select "caseId", "facilityId", "startedOn", "sentenceEndsOn" from "DetentionEpisode"
        where "teamId" = team.id and "releasedOn" is null order by "startedOn" fetch first (${detainedListed ?? null}::int) rows with ties
      ) d join "Case" c on c.id = d."caseId" join "Facility" f on f.id = d."facilityId"
      order by d."startedOn", c.code limit ${detainedListed ?? null}::int
    ), hearings_listed as (
      select c.code, h."startsAt", ct.name as court, ct.names as "courtNames" from (
        select "caseId", "courtId", "startsAt" from "Hearing"
        where "teamId" = any(${teams}::uuid[]) and "startsAt" >= now() and "startsAt" < ${weekEnd}
        order by "startsAt" fetch first (${hearingsListed ?? null}::int) rows with ties
      ) h join "Case" c on c.id = h."caseId" join "Court" ct on ct.id = h."courtId"
      order by h."startsAt", c.code limit ${hearingsListed ?? null}::int
    ), closures_listed as (
      select c.code, to_char(r."requestedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "requestedAt" from "ClosureRequest" r join "Case" c on c.id = r."caseId"
      where r.status = 'PENDING' and c."teamId" = any(${teams}::uuid[])
      order by r."requestedAt", r.id limit ${oversightListed}::int
    ), holds_listed as (
      select c.code, to_char(h."placedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "placedAt" from "LegalHold" h join "Case" c on c.id = h."caseId"
      where h."liftedAt" is null and c."teamId" = any(${teams}::uuid[])
      order by h."placedAt", h.id limit ${oversightListed}::int
    )${viewedStep}
    select
    ${rowsOf(Prisma.sql`
      select status::text as status, sensitivity::text as sensitivity, sum(count) as count from "RollupCaseCount"
      where "teamId" = any(${teams}::uuid[]) group by 1, 2 having sum(count) > 0`)} as "byStatus",
    ${rowsOf(Prisma.sql`
      select type::text as type, stage, sum(count) as count from "RollupOpenProceedings"
      where "teamId" = any(${teams}::uuid[]) group by 1, 2 having sum(count) > 0`)} as funnel,
    ${rowsOf(
      Prisma.sql`
      select u.id::text as id, u.name, coalesce(mine.open, 0) as open
      from "User" u left join (
        select "caseworkerId", sum(count) as open from "RollupCaseCount"
        where "teamId" = any(${teams}::uuid[]) and status <> 'CLOSED' group by 1
      ) mine on mine."caseworkerId" = u.id
      where u."teamId" = any(${teams}::uuid[]) and u.role in ('CASEWORKER', 'SUPERVISOR') and u.active`,
      Prisma.sql`order by x.open desc, x.name`,
    )} as caseload,
    -- The teams' open episodes (each carries its case's team): the counts
    -- read start dates from the index of open episodes; only the rows listed,
    -- longest held first, join their case and facility.
    (select row_to_json(x) from (
      select count(*) as total, count(*) filter (where "startedOn" <= ${startedOnOrBeforeForMoreThan(30, today)}::date) as over30,
        count(*) filter (where "startedOn" <= ${startedOnOrBeforeForMoreThan(60, today)}::date) as over60
      from "DetentionEpisode" where "teamId" = any(${teams}::uuid[]) and "releasedOn" is null) x) as held,
    -- The longest held are chosen by start date first (with those tied with
    -- the last, so the order by code among them stays exact): joining every
    -- open episode to its case only to keep a few cost 3–4 ms a view. Each
    -- team's are read on their own, from the index by team, open and start
    -- date, a few entries each; read for all the teams at once, PostgreSQL
    -- read every open episode and sorted them.
    ${rowsOf(Prisma.sql`select * from detained_listed`, Prisma.sql`order by x."startedOn", x.code`)} as detained,
    -- Counted per assignee from the index of open tasks, then named: two
    -- people of one name stay two rows, and only the few counts are joined.
    ${rowsOf(
      Prisma.sql`
      select u.name, t.count from (
        select "assigneeId", count(*) as count from "Task"
        where "teamId" = any(${teams}::uuid[]) and "completedAt" is null and "dueOn" < ${today}::date
        group by 1
      ) t left join "User" u on u.id = t."assigneeId"`,
      Prisma.sql`order by x.count desc, x.name`,
    )} as overdue,
    -- The week's hearings are counted from the index by team and time; only
    -- those listed (soonest first, with those tied with the last, so the
    -- order by code among them stays exact) are read and joined to their
    -- case and court. Joining all of them (86 for the bench's team) to show
    -- ten was a quarter of the statement's reads.
    (select count(*) from "Hearing" where "teamId" = any(${teams}::uuid[]) and "startsAt" >= now() and "startsAt" < ${weekEnd}) as "hearingsThisWeek",
    ${rowsOf(Prisma.sql`select * from hearings_listed`, Prisma.sql`order by x."startsAt", x.code`)} as hearings,
    ${rowsOf(
      Prisma.sql`
      select to_char("startsOn", ${label}) as month, nationality, sum(households) as households, sum(people) as people
      from "RollupNewCases" where "teamId" = any(${teams}::uuid[]) and ${months}
      group by 1, 2 having sum(households) > 0`,
      Prisma.sql`order by x.month, x.nationality`,
    )} as "newCases",
    ${rowsOf(
      Prisma.sql`
      select to_char("startsOn", ${label}) as month, nationality, sum(households) as households, sum(people) as people
      from "RollupArrivals" where "teamId" = any(${teams}::uuid[]) and ${months}
      group by 1, 2 having sum(households) > 0`,
      Prisma.sql`order by x.month, x.nationality`,
    )} as arrivals,
    -- Transfers to Korea and resettlements reaching DEPARTED (a household that departs twice in a month counts twice).
    ${rowsOf(
      Prisma.sql`
      select to_char("startsOn", ${label}) as month, destination, sum(households) as households, sum(people) as people
      from "RollupDepartures" where "teamId" = any(${teams}::uuid[]) and ${months}
      group by 1, 2 having sum(households) > 0`,
      Prisma.sql`order by x.month, x.destination`,
    )} as departures,
    -- Days in each stage, for stays that ended within the period: how many
    -- stays of each length (the Stay rows: a programme's hold is part of the
    -- stay it interrupted and its days on hold are not counted); the median
    -- and 90th percentile are taken from these counts below. One row per
    -- stage holding its lengths as two arrays, grouped by the type itself
    -- rather than its text: since 2015 the period's parts hold some 8,000
    -- rows, and grouping them by text and sending 600 objects took 4.2 ms
    -- of the database's time a view on the kept plan; this way, 2.4 ms.
    -- A period covering every year the teams' stays ended in (their first
    -- and last year rows: whole, above) reads the all-time rows instead
    -- (durationsAll), less the days of its first and last years outside
    -- it (durationsLess): 600 rows rather than 7,900 (migration
    -- 20261204070100_stays_all_time). Which way is decided once in the
    -- statement: the other way's reads are not run at all. The all-time
    -- rows are read team by team in their index's order and the three
    -- parts added up below: summing them here took a hash and a sort of
    -- every row, 2.1 ms a view against 1.1 (session 46).
    ${rowsOf(Prisma.sql`
      select type::text as type, stage, array_agg(days) as days, array_agg(stays) as stays from (
        select type, stage, days, sum(stays) as stays from "RollupStays"
        where "teamId" = any(${teams}::uuid[]) and ${years} and not (select covered from whole)
        group by type, stage, days having sum(stays) > 0
      ) lengths group by type, stage`)} as durations,
    ${rowsOf(Prisma.sql`
      select type::text as type, stage, array_agg(days) as days, array_agg(stays) as stays
      from unnest(${teams}::uuid[]) as team(id) cross join lateral (
        select type, stage, days, stays from "RollupStays"
        where "teamId" = team.id and grain = 'ALL' and "startsOn" = '-infinity' and stays > 0 and (select covered from whole)
        order by type, stage, days
      ) lengths group by team.id, type, stage`)} as "durationsAll",
    ${rowsOf(Prisma.sql`
      select type::text as type, stage, array_agg(days) as days, array_agg(stays) as stays from (
        select type, stage, days, sum(stays) as stays from "RollupStays"
        where "teamId" = any(${teams}::uuid[]) and ${outside} and (select covered from whole)
        group by type, stage, days
      ) lengths group by type, stage`)} as "durationsLess",
    -- Pending closure requests and standing legal holds on the teams' cases,
    -- oldest first, from the index of each by state: read here rather than
    -- in two statements of their own, each planned at every call.
    ${rowsOf(Prisma.sql`select * from closures_listed`, Prisma.sql`order by x."requestedAt", x.code`)} as closures,
    ${rowsOf(Prisma.sql`select * from holds_listed`, Prisma.sql`order by x."placedAt", x.code`)} as holds`));
  const { byStatus, funnel, caseload, held, detained, overdue, hearingsThisWeek, hearings, newCases, arrivals, departures, closures, holds } = figures;
  if (view && !recordedByRead) {
    await writePageView(view.actor, "dashboard", view.viewing, [...detained, ...hearings, ...closures, ...holds].map((row) => row.code));
  }

  const stageOrder = (type: string, stage: string) => GRAPHS[type as ProceedingType]?.stages.indexOf(stage) ?? 99;
  return {
    teams,
    byStatus: byStatus.map((r) => ({ status: r.status, sensitivity: r.sensitivity, count: n(r.count) })),
    funnel: funnel
      .map((r) => ({ type: r.type, stage: r.stage, count: n(r.count) }))
      .sort((a, b) => a.type.localeCompare(b.type) || stageOrder(a.type, a.stage) - stageOrder(b.type, b.stage)),
    caseload: caseload.map((r) => ({ id: r.id, name: r.name, open: n(r.open) })),
    detained: {
      total: n(held.total),
      over30: n(held.over30),
      over60: n(held.over60),
      longest: detained.map((r) => {
        const episode = { startedOn: r.startedOn, sentenceEndsOn: r.sentenceEndsOn, releasedOn: null };
        return { code: r.code, facility: { name: r.facility, names: r.facilityNames }, days: detentionDays(episode.startedOn, null, today), flags: detentionFlags(episode, today) };
      }),
    },
    overdue: overdue.map((r) => ({ name: r.name, count: n(r.count) })),
    // Facility and court names in every language: the figures are shared by readers of each.
    hearingsThisWeek: n(hearingsThisWeek),
    hearings: hearings.map((h) => ({ code: h.code, startsAt: new Date(h.startsAt), court: { name: h.court, names: h.courtNames } })),
    newCases: newCases.map((r) => ({ month: r.month, nationality: r.nationality, households: n(r.households), people: n(r.people) })),
    arrivals: arrivals.map((r) => ({ month: r.month, nationality: r.nationality, households: n(r.households), people: n(r.people) })),
    departures: departures.map((r) => ({ month: r.month, destination: r.destination, households: n(r.households), people: n(r.people) })),
    durations: stayCounts(figures)
      .map((d) => {
        const counts = [...d.days].map(([days, stays]) => ({ value: days, count: stays }));
        return { type: d.type, stage: d.stage, stays: counts.reduce((sum, c) => sum + c.count, 0), median: percentileOfCounts(counts, 0.5), p90: percentileOfCounts(counts, 0.9) };
      })
      .sort((a, b) => a.type.localeCompare(b.type) || stageOrder(a.type, a.stage) - stageOrder(b.type, b.stage)),
    closures: closures.map((r) => ({ code: r.code, requestedAt: new Date(r.requestedAt) })),
    holds: holds.map((r) => ({ code: r.code, placedAt: new Date(r.placedAt) })),
  };
}
export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;

/** Each stage's stays by length, the statement's three parts added up (lengths with no stays left out). */
function stayCounts({ durations, durationsAll, durationsLess }: Pick<FigureRows, "durations" | "durationsAll" | "durationsLess">) {
  const stages = new Map<string, { type: string; stage: string; days: Map<number, number> }>();
  const add = (parts: StayCounts[], sign: 1 | -1) => {
    for (const part of parts) {
      const key = `${part.type}|${part.stage}`;
      const days = stages.get(key)?.days ?? stages.set(key, { type: part.type, stage: part.stage, days: new Map() }).get(key)!.days;
      part.days.forEach((length, i) => days.set(length, (days.get(length) ?? 0) + sign * n(part.stays[i])));
    }
  };
  add(durations, 1);
  add(durationsAll, 1);
  add(durationsLess, -1);
  for (const { days } of stages.values()) for (const [length, stays] of days) if (stays <= 0) days.delete(length);
  return [...stages.values()].filter((stage) => stage.days.size > 0);
}

/** Sums monthly rows into years, for the "arrivals per year" figure donors ask for. */
export function perYear<T extends { month: string; people: number; households: number }>(rows: T[], key: (row: T) => string) {
  const totals = new Map<string, { year: string; group: string; people: number; households: number }>();
  for (const row of rows) {
    const id = `${row.month.slice(0, 4)}|${key(row)}`;
    const current = totals.get(id) ?? { year: row.month.slice(0, 4), group: key(row), people: 0, households: 0 };
    current.people += row.people;
    current.households += row.households;
    totals.set(id, current);
  }
  return [...totals.values()].sort((a, b) => a.year.localeCompare(b.year) || a.group.localeCompare(b.group));
}

/** Records a download of the figures: which sheets, format, period and teams (counts only leave the building). */
export async function auditFiguresExport(actor: Actor, download: { format: string; period: Period; teams: string[]; sheets: string[] }, ip: string | null) {
  await recordAudit(db, { actorId: actor.id, action: "figures.export", entity: "Team", ip, fields: download.sheets, detail: { format: download.format, period: download.period, teams: download.teams } });
}
