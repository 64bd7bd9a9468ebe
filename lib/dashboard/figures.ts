import "server-only";
// The supervisor dashboard's figures, aggregated in SQL over the teams the
// actor supervises. Months are Bangkok calendar months: a case opened at
// 23:30 UTC on 31 January counts in February.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { supervisedTeams, type Actor } from "@/lib/policy";
import { daysFrom, isoDate, todayInBangkok } from "@/lib/dates";
import { detentionDays, detentionFlags } from "@/lib/detention/days";
import { GRAPHS, type ProceedingType } from "@/lib/workflows";

export type Period = { from: string; to: string }; // Bangkok dates, `to` inclusive

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
 * The teams the figures cover: every team the actor oversees, or the one
 * chosen among them (an organisation-wide supervisor looking at one team).
 */
export async function figureTeams(actor: Actor, chosen?: string) {
  const teams = await db.team.findMany({ where: supervisedTeams(actor), select: { id: true, name: true }, orderBy: { name: "asc" } });
  const selected = chosen && teams.some((t) => t.id === chosen) ? [chosen] : teams.map((t) => t.id);
  return { teams, selected };
}

export async function dashboardFigures(teams: string[], period: Period) {
  const today = todayInBangkok();
  const weekEnd = daysFrom(new Date(), 7);

  const [byStatus, funnel, caseload, detained, overdue, hearings, newCases, arrivals, departures, durations] = await Promise.all([
    // Counts kept by triggers (the Rollup* tables, migration 20261201170342_dashboard_rollups): a few rows per team, current at every request.
    timed("byStatus", db.$queryRaw<{ status: string; sensitivity: string; count: bigint }[]>`
      select status::text, sensitivity::text, sum(count) as count from "RollupCaseCount"
      where "teamId" = any(${teams}::uuid[]) group by 1, 2 having sum(count) > 0`),
    timed("funnel", db.$queryRaw<{ type: string; stage: string; count: bigint }[]>`
      select type::text, stage, sum(count) as count from "RollupOpenProceedings"
      where "teamId" = any(${teams}::uuid[]) group by 1, 2 having sum(count) > 0`),
    timed("caseload", db.$queryRaw<{ id: string; name: string; open: bigint }[]>`
      select u.id::text, u.name, coalesce(mine.open, 0) as open
      from "User" u left join (
        select "caseworkerId", sum(count) as open from "RollupCaseCount"
        where "teamId" = any(${teams}::uuid[]) and status <> 'CLOSED' group by 1
      ) mine on mine."caseworkerId" = u.id
      where u."teamId" = any(${teams}::uuid[]) and u.role in ('CASEWORKER', 'SUPERVISOR') and u.active
      order by open desc, u.name`),
    timed("detained", db.$queryRaw<{ code: string; startedOn: Date; sentenceEndsOn: Date | null; facility: string; facilityNames: unknown }[]>`
      select c.code, d."startedOn", d."sentenceEndsOn", f.name as facility, f.names as "facilityNames"
      from "DetentionEpisode" d join "Case" c on c.id = d."caseId" join "Facility" f on f.id = d."facilityId"
      where c."teamId" = any(${teams}::uuid[]) and d."releasedOn" is null order by d."startedOn"`),
    timed("overdue", db.$queryRaw<{ name: string | null; count: bigint }[]>`
      select u.name, count(*) as count from "Task" t join "Case" c on c.id = t."caseId" left join "User" u on u.id = t."assigneeId"
      where c."teamId" = any(${teams}::uuid[]) and t."completedAt" is null and t."dueOn" < ${today}::date
      group by 1 order by count desc`),
    timed("hearings", db.$queryRaw<{ code: string; startsAt: Date; court: string; courtNames: unknown }[]>`
      select c.code, h."startsAt", ct.name as court, ct.names as "courtNames" from "Hearing" h join "Proceeding" p on p.id = h."proceedingId"
      join "Case" c on c.id = p."caseId" join "Court" ct on ct.id = h."courtId"
      where p."teamId" = any(${teams}::uuid[]) and h."startsAt" >= now() and h."startsAt" < ${weekEnd} order by h."startsAt"`),
    timed("newCases", db.$queryRaw<{ month: string; nationality: string; households: bigint; people: bigint }[]>`
      select to_char(day, 'YYYY-MM') as month, nationality, sum(households) as households, sum(people) as people
      from "RollupNewCases" where "teamId" = any(${teams}::uuid[]) and day between ${period.from}::date and ${period.to}::date
      group by 1, 2 having sum(households) > 0 order by 1, 2`),
    timed("arrivals", db.$queryRaw<{ month: string; nationality: string; households: bigint; people: bigint }[]>`
      select to_char(day, 'YYYY-MM') as month, nationality, sum(households) as households, sum(people) as people
      from "RollupArrivals" where "teamId" = any(${teams}::uuid[]) and day between ${period.from}::date and ${period.to}::date
      group by 1, 2 having sum(households) > 0 order by 1, 2`),
    timed("departures", db.$queryRaw<{ month: string; destination: string; households: bigint; people: bigint }[]>`
      select to_char(sc."occurredOn", 'YYYY-MM') as month,
             case when sc."proceedingType" = 'TRANSFER_TO_KOREA' then 'KR' else coalesce(pr.country, '??') end as destination,
             count(distinct c.id) as households, sum(c."householdSize") as people
      from "StageChange" sc join "Proceeding" p on p.id = sc."proceedingId" join "Case" c on c.id = p."caseId"
      left join "Programme" pr on pr.id = p."programmeId"
      where sc."teamId" = any(${teams}::uuid[]) and sc."toStage" = 'DEPARTED' and sc."proceedingType" in ('TRANSFER_TO_KOREA', 'RESETTLEMENT')
        and sc."occurredOn" between ${period.from}::date and ${period.to}::date
      group by 1, 2 order by 1, 2`),
    // Days in each stage, for stays that ended within the period: from the
    // day a stage was entered to the day the next one was (kept on each
    // stage change by a database trigger). A programme's hold and resumption
    // are not stays: a stay runs from one move made for the case to the
    // next, and counts only its days in the stage, not the days on hold.
    timed("durations", db.$queryRaw<{ type: string; stage: string; stays: bigint; median: number; p90: number }[]>`
      with held as (
        -- Proceedings a programme held at some time: few, found by a partial index.
        select distinct "proceedingId" from "StageChange" where "programmeHold" and "teamId" = any(${teams}::uuid[])
      ), plain as (
        select "proceedingType"::text as type, "toStage" as stage, "leftOn" - "occurredOn" as days
        from "StageChange"
        where "teamId" = any(${teams}::uuid[]) and "leftOn" between ${period.from}::date and ${period.to}::date
          and "proceedingId" not in (select "proceedingId" from held)
      ), numbered as (
        select sc."proceedingId", sc."proceedingType", sc."toStage", sc."programmeHold", sc."occurredOn", sc."leftOn",
               sum(case when sc."programmeHold" then 0 else 1 end) over (partition by sc."proceedingId" order by sc.at, sc.id) as stay
        from "StageChange" sc join held using ("proceedingId")
      ), joined as (
        select min("proceedingType"::text) as type,
               min("toStage") filter (where not "programmeHold") as stage,
               sum("leftOn" - "occurredOn") filter (where not ("programmeHold" and "toStage" = 'ON_HOLD')) as days,
               bool_and("leftOn" is not null) as ended, max("leftOn") as "endedOn"
        from numbered group by "proceedingId", stay
      ), stays as (
        select type, stage, days from plain
        union all
        select type, stage, days from joined where ended and stage is not null and "endedOn" between ${period.from}::date and ${period.to}::date
      )
      select type, stage, count(*) as stays,
             percentile_cont(0.5) within group (order by days) as median,
             percentile_cont(0.9) within group (order by days) as p90
      from stays
      group by 1, 2`),
  ]);

  const stageOrder = (type: string, stage: string) => GRAPHS[type as ProceedingType]?.stages.indexOf(stage) ?? 99;
  return {
    teams,
    byStatus: byStatus.map((r) => ({ status: r.status, sensitivity: r.sensitivity, count: n(r.count) })),
    funnel: funnel
      .map((r) => ({ type: r.type, stage: r.stage, count: n(r.count) }))
      .sort((a, b) => a.type.localeCompare(b.type) || stageOrder(a.type, a.stage) - stageOrder(b.type, b.stage)),
    caseload: caseload.map((r) => ({ id: r.id, name: r.name, open: n(r.open) })),
    detained: detained.map((r) => {
      const episode = { startedOn: isoDate(r.startedOn), sentenceEndsOn: r.sentenceEndsOn ? isoDate(r.sentenceEndsOn) : null, releasedOn: null };
      return { code: r.code, facility: { name: r.facility, names: r.facilityNames }, days: detentionDays(episode.startedOn, null, today), flags: detentionFlags(episode, today) };
    }),
    overdue: overdue.map((r) => ({ name: r.name, count: n(r.count) })),
    // Facility and court names in every language: the figures are shared by readers of each.
    hearings: hearings.map((h) => ({ code: h.code, startsAt: h.startsAt, court: { name: h.court, names: h.courtNames } })),
    newCases: newCases.map((r) => ({ month: r.month, nationality: r.nationality, households: n(r.households), people: n(r.people) })),
    arrivals: arrivals.map((r) => ({ month: r.month, nationality: r.nationality, households: n(r.households), people: n(r.people) })),
    departures: departures.map((r) => ({ month: r.month, destination: r.destination, households: n(r.households), people: n(r.people) })),
    durations: durations
      .map((r) => ({ type: r.type, stage: r.stage, stays: n(r.stays), median: Number(r.median), p90: Number(r.p90) }))
      .sort((a, b) => a.type.localeCompare(b.type) || stageOrder(a.type, a.stage) - stageOrder(b.type, b.stage)),
  };
}
export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;

// The figures for a set of teams and a period are kept for a minute and
// shared by everyone asking in that time, including requests that arrive
// while they are being computed: a dashboard left open by every supervisor,
// or reloaded, then costs one set of aggregate queries a minute, not one per
// view. The page says when they were computed and offers a refresh.
export const FIGURES_MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 200;
const recent = new Map<string, { computedAt: Date; figures: Promise<DashboardFigures> }>();

export async function recentDashboardFigures(teams: string[], period: Period, options: { fresh?: boolean } = {}) {
  const key = JSON.stringify([[...teams].sort(), period.from, period.to]);
  const now = Date.now();
  for (const [k, entry] of recent) if (now - entry.computedAt.getTime() > FIGURES_MAX_AGE_MS) recent.delete(k);
  let entry = options.fresh ? undefined : recent.get(key);
  if (!entry) {
    entry = { computedAt: new Date(now), figures: dashboardFigures(teams, period) };
    if (recent.size >= MAX_ENTRIES) recent.delete(recent.keys().next().value!);
    recent.set(key, entry);
    // A failed computation is not kept.
    entry.figures.catch(() => recent.delete(key));
  }
  return { computedAt: entry.computedAt, figures: await entry.figures };
}

/** Forgets kept figures, after a change made from the dashboard itself (reassignment, suspension, closure). */
export function forgetDashboardFigures() {
  recent.clear();
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
