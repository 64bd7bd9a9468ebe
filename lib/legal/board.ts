import "server-only";
// The refoulement-risk board: every case at risk the reader may see, in the
// order asked for, one page at a time.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { prepareAnyway } from "@/lib/prisma-client";
import { caseScope, teamColumnScope, type Actor } from "@/lib/policy";
import { addCalendarDays, dbDate, todayInBangkok, type CalendarDate } from "@/lib/dates";
import { daysUntil } from "@/lib/tasks/buckets";
import { detentionDays } from "@/lib/detention/days";
import { pageCount, ROWS_PER_PAGE } from "@/lib/paging";
import { pageViewStep, writePageView, type Viewing } from "@/lib/page-views";
import { nextHearing } from "@/lib/hearings/next-hearing";

export const BOARD_SORTS = ["code", "hearing", "deadline", "detention"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
const INCIDENT_WINDOW_DAYS = 90;

// Each order as a value per case, smaller first, cases without one last,
// then by code: the next hearing, the next open deadline, the start of the
// longest open detention (the longest held first). By code alone, none.
const SORT_KEY: Record<BoardSort, Prisma.Sql> = {
  hearing: nextHearing("b.id", `b."nextHearingAt"`),
  deadline: Prisma.sql`(select min(t."dueOn")::timestamp from "Task" t where t."caseId" = b.id and t."completedAt" is null)`,
  detention: Prisma.sql`(select min(d."startedOn")::timestamp from "DetentionEpisode" d where d."caseId" = b.id and d."releasedOn" is null)`,
  code: Prisma.sql`null::timestamp`,
};

type BoardRow = {
  code: string;
  sensitivity: string;
  total: bigint;
  page: number;
  counsel: string[];
  removalStages: string[];
  incidentKind: string | null;
  incidentSeverity: string | null;
  incidentOn: Date | null;
  /** Calendar dates as text (YYYY-MM-DD): what the page works with. */
  dueOn: CalendarDate | null;
  taskTitle: string | null;
  ruleKey: string | null;
  heldSince: CalendarDate | null;
  facility: string | null;
  facilityNames: unknown;
  nextHearing: Date | null;
};

/**
 * The cases the actor may see, as a condition on the board's cases (`c`):
 * a supervisor's by the team the case carries; anyone else's (named on
 * cases, or counsel) by the ids of their cases at risk, found through the
 * policy's case scope, a handful.
 */
async function boardScope(actor: Actor, since: CalendarDate): Promise<Prisma.Sql | null> {
  const teams = teamColumnScope(actor);
  if (teams) return teams.teamId ? Prisma.sql`c."teamId" = ${teams.teamId}::uuid` : Prisma.sql`true`;
  // The two ways onto the board each read from their own index: an OR of the two read every case in scope.
  const onScope = (condition: Prisma.CaseWhereInput) => db.case.findMany({ where: { AND: [caseScope(actor), condition] }, select: { id: true } });
  const found = await Promise.all([onScope({ riskFlags: { has: "REFOULEMENT_RISK" } }), onScope({ incidents: { some: { occurredOn: { gte: dbDate(since) } } } })]);
  const ids = [...new Set(found.flat().map((c) => c.id))];
  return ids.length ? Prisma.sql`c.id = any(${ids}::uuid[])` : null;
}

/**
 * The board: cases flagged at risk of refoulement, or with a protection
 * incident in the last 90 days. Every case at risk is on it, however many
 * (a cap once hid cases with a hearing tomorrow), and sorted whole; only
 * the page shown is read in full. One statement does it all: the board's
 * cases from their two indexes (an OR of the two read every case in
 * scope), each one's sort key from one index entry (the next hearing
 * from the case's row itself, while its hint holds), the page, and its
 * rows' details; read as four statements and sorted here, the board of
 * 800 cases cost twice the server time. The statement records the view
 * too, with the codes of the page shown (pageViewStep).
 */
export async function refoulementBoard(actor: Actor, sort: BoardSort, requestedPage: number, viewing: Pick<Viewing, "ip">) {
  const today = todayInBangkok();
  const since = addCalendarDays(today, -INCIDENT_WINDOW_DAYS);
  const scope = await boardScope(actor, since);
  const detail = { sort };
  if (!scope) {
    await writePageView(actor, "board", { ip: viewing.ip, detail: { ...detail, listPage: 1 } }, []);
    return { rows: [], total: 0, page: 1, pages: 1 };
  }
  // A page past the end is the last one.
  const found = await db.$queryRaw<BoardRow[]>`${prepareAnyway}
    with board as materialized (
      select c.id, c.code, c."nextHearingAt" from "Case" c where ${scope} and c."riskFlags" @> array['REFOULEMENT_RISK']
      union
      select c.id, c.code, c."nextHearingAt" from "ProtectionIncident" i join "Case" c on c.id = i."caseId" where i."occurredOn" >= ${since}::date and ${scope}
    ), counted as (
      select count(*) as total, greatest(1, least(${requestedPage}::int, ceil(count(*) / ${ROWS_PER_PAGE}::numeric)::int)) as page from board
    ), shown as (
      select p.id, p.code, k.total, k.page, (k.page - 1) * ${ROWS_PER_PAGE} + row_number() over (order by p.key nulls last, p.code collate "C") as n
      from counted k cross join lateral (
        select b.id, b.code, ${SORT_KEY[sort]} as key from board b
        order by key nulls last, b.code collate "C" offset (k.page - 1) * ${ROWS_PER_PAGE} limit ${ROWS_PER_PAGE}
      ) p
    ), viewed as (${pageViewStep(
      actor,
      "board",
      { ip: viewing.ip, detail },
      Prisma.sql`select code, n from shown`,
      Prisma.sql`jsonb_build_object('listPage', (select page from counted))`,
    )})
    select s.code, c.sensitivity::text, s.total, s.page,
      array(select u.name from "CaseMember" m join "User" u on u.id = m."userId" where m."caseId" = s.id and m.role = 'COUNSEL' order by u.name) as counsel,
      array(select p.stage from "Proceeding" p where p."caseId" = s.id and p.type = 'DEPORTATION_EXTRADITION' and not p.closed order by p."openedAt", p.id) as "removalStages",
      i.kind::text as "incidentKind", i.severity::text as "incidentSeverity", i."occurredOn" as "incidentOn",
      to_char(t."dueOn", 'YYYY-MM-DD') as "dueOn", t.title as "taskTitle", t."ruleKey",
      to_char(d."startedOn", 'YYYY-MM-DD') as "heldSince", f.name as facility, f.names as "facilityNames",
      ${nextHearing("s.id", `c."nextHearingAt"`)} as "nextHearing"
    from shown s join "Case" c on c.id = s.id
    left join lateral (select kind, severity, "occurredOn" from "ProtectionIncident" where "caseId" = s.id and "occurredOn" >= ${since}::date order by "occurredOn" desc limit 1) i on true
    left join lateral (select "dueOn", title, "ruleKey" from "Task" where "caseId" = s.id and "completedAt" is null order by "dueOn" limit 1) t on true
    left join lateral (select "startedOn", "facilityId" from "DetentionEpisode" where "caseId" = s.id and "releasedOn" is null order by "startedOn" limit 1) d on true
    left join "Facility" f on f.id = d."facilityId"
    order by s.n`;
  const total = found.length ? Number(found[0].total) : 0;
  const rows = found.map((r) => ({
    code: r.code,
    sensitivity: r.sensitivity,
    counsel: r.counsel,
    removalStages: r.removalStages,
    incident: r.incidentKind ? { kind: r.incidentKind, severity: r.incidentSeverity!, occurredOn: r.incidentOn! } : null,
    nextHearing: r.nextHearing,
    nextDeadline: r.dueOn ? { due: r.dueOn, title: r.taskTitle!, ruleKey: r.ruleKey, daysLeft: daysUntil(r.dueOn, today) } : null,
    detention: r.heldSince ? { facility: { name: r.facility!, names: r.facilityNames }, days: detentionDays(r.heldSince, null, today) } : null,
  }));
  return { rows, total, page: found.length ? found[0].page : 1, pages: pageCount(total) };
}
