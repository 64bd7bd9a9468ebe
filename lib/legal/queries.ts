import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planEachTime } from "@/lib/prisma-client";
import { db } from "@/lib/db";
import { caseScope, taskScope, type Actor } from "@/lib/policy";
import { daysFrom, isoDate, todayInBangkok } from "@/lib/dates";
import { daysUntil } from "@/lib/tasks/buckets";
import { detentionDays } from "@/lib/detention/days";
import { pageCount, pageOf, ROWS_PER_PAGE } from "@/lib/paging";

/** Every open deadline set by a rule (appeals, filings, renewals) on cases the actor may see, soonest (most overdue) first, a page at a time. */
export async function openDeadlines(actor: Actor, page = 1) {
  const today = todayInBangkok();
  const where: Prisma.TaskWhereInput = { AND: [{ origin: "RULE", completedAt: null }, taskScope(actor)] };
  const [total, tasks] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      skip: (page - 1) * ROWS_PER_PAGE,
      take: ROWS_PER_PAGE,
      select: {
        id: true,
        title: true,
        ruleKey: true,
        dueOn: true,
        working: true,
        assignee: { select: { name: true } },
        proceeding: { select: { type: true, stage: true } },
        case: { select: { code: true } },
      },
    }),
  ]);
  return {
    total,
    pages: pageCount(total),
    rows: tasks.map((task) => ({ ...task, daysLeft: daysUntil(isoDate(task.dueOn), today) })),
  };
}

export const BOARD_SORTS = ["code", "hearing", "deadline", "detention"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
const INCIDENT_WINDOW_DAYS = 90;

/**
 * The refoulement-risk board, one page of it: cases with an open
 * deportation or extradition proceeding, or a protection incident in the
 * last 90 days. The whole board is sorted on the one fact the order needs
 * (next hearing, next deadline or time held); only the page shown is read
 * in full, so a board of hundreds costs what fifty rows cost.
 */
export async function refoulementBoard(actor: Actor, sort: BoardSort, requestedPage = 1) {
  const today = todayInBangkok();
  const since = daysFrom(new Date(), -INCIDENT_WINDOW_DAYS);
  // Every case at risk the actor may see is on the board, however many (a
  // cap once hid cases with a hearing tomorrow). The two ways onto it are
  // each read within the actor's scope from their own index: an OR of the
  // two made PostgreSQL read every case in scope.
  const onScope = (condition: Prisma.CaseWhereInput) => db.case.findMany({ where: { AND: [caseScope(actor), condition] }, select: { id: true, code: true, teamId: true } });
  const [flagged, recent] = await Promise.all([onScope({ riskFlags: { has: "REFOULEMENT_RISK" } }), onScope({ incidents: { some: { occurredOn: { gte: since } } } })]);
  const onBoard = [...new Map([...flagged, ...recent].map((c) => [c.id, c])).values()];
  const ids = onBoard.map((c) => c.id);
  // Sorted by hearing, the board's next hearings are read once, for the order and for the rows shown.
  let boardHearings: Map<string, Date> | null = null;
  let order: Map<string, number>;
  if (sort === "hearing") {
    boardHearings = await nextHearings(onBoard);
    order = new Map([...boardHearings].map(([id, at]) => [id, at.getTime()]));
  } else {
    order = await boardOrder(sort, ids, today);
  }
  const far = Number.MAX_SAFE_INTEGER;
  const sorted = [...onBoard].sort((a, b) => (order.get(a.id) ?? far) - (order.get(b.id) ?? far) || a.code.localeCompare(b.code));
  const { rows: shown, page, pages } = pageOf(sorted, requestedPage);

  const [cases, upcoming] = await Promise.all([
    db.case.findMany({
      where: { id: { in: shown.map((c) => c.id) } },
      select: {
        id: true,
        code: true,
        sensitivity: true,
        members: { where: { role: "COUNSEL" }, select: { user: { select: { name: true } } } },
        proceedings: { where: { type: "DEPORTATION_EXTRADITION", closed: false }, select: { stage: true } },
        incidents: { where: { occurredOn: { gte: since } }, orderBy: { occurredOn: "desc" }, take: 1, select: { kind: true, severity: true, occurredOn: true } },
        detentions: { where: { releasedOn: null }, orderBy: { startedOn: "asc" }, take: 1, select: { startedOn: true, facility: { select: { name: true, names: true } } } },
        tasks: { where: { completedAt: null }, orderBy: { dueOn: "asc" }, take: 1, select: { dueOn: true, title: true, ruleKey: true } },
      },
    }),
    boardHearings ?? nextHearings(shown),
  ]);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows = shown.flatMap(({ id }) => {
    const c = byId.get(id);
    if (!c) return [];
    return [
      {
        code: c.code,
        sensitivity: c.sensitivity,
        counsel: c.members.map((m) => m.user.name),
        removalStages: c.proceedings.map((p) => p.stage),
        incident: c.incidents[0] ?? null,
        nextHearing: upcoming.get(c.id) ?? null,
        nextDeadline: c.tasks[0] ? { due: isoDate(c.tasks[0].dueOn), title: c.tasks[0].title, ruleKey: c.tasks[0].ruleKey, daysLeft: daysUntil(isoDate(c.tasks[0].dueOn), today) } : null,
        detention: c.detentions[0] ? { facility: c.detentions[0].facility, days: detentionDays(isoDate(c.detentions[0].startedOn), null, today) } : null,
      },
    ];
  });
  return { rows, total: sorted.length, page, pages };
}

/**
 * Each case's next hearing. One row per case, and the ids bound as one
 * array: bound one by one, as a list of the board's hundreds of cases, the
 * statement cost more to plan than to run. The future hearings of the
 * cases' teams are read from the index by team and start time alone, which
 * carries each hearing's case (migration 20261203160000_hearing_case).
 * Planned at each call (PLANNED_EACH_TIME): PostgreSQL would plan it at
 * each call anyway, a generic plan for lists of unknown length looking
 * dearer than each call's own. The cases come from the actor's scope
 * (refoulementBoard).
 */
async function nextHearings(cases: { id: string; teamId: string }[]): Promise<Map<string, Date>> {
  if (cases.length === 0) return new Map();
  const teams = [...new Set(cases.map((c) => c.teamId))];
  const rows = await db.$queryRaw<{ caseId: string; next: Date }[]>`
    select ${planEachTime} "caseId"::text as "caseId", min("startsAt") as next from "Hearing"
    where "teamId" = any(${teams}::uuid[]) and "startsAt" >= now() and "caseId" = any(${cases.map((c) => c.id)}::uuid[])
    group by "caseId"`;
  return new Map(rows.map((row) => [row.caseId, row.next]));
}

/**
 * The board's order as a number per case, smaller first (none: last): the
 * days left to the next deadline, or the longest held first. By code, none
 * (the codes themselves order the board). By next hearing, the hearings'
 * times are the order (refoulementBoard).
 */
async function boardOrder(sort: Exclude<BoardSort, "hearing">, caseIds: string[], today: string): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  // One row per case, the ids bound as one array (as nextHearings).
  if (sort === "deadline") {
    const rows = await db.$queryRaw<{ caseId: string; dueOn: Date }[]>`
      select "caseId"::text as "caseId", min("dueOn") as "dueOn" from "Task"
      where "caseId" = any(${caseIds}::uuid[]) and "completedAt" is null group by 1`;
    return new Map(rows.map((row) => [row.caseId, daysUntil(isoDate(row.dueOn), today)]));
  }
  if (sort === "detention") {
    const rows = await db.$queryRaw<{ caseId: string; startedOn: Date }[]>`
      select "caseId"::text as "caseId", min("startedOn") as "startedOn" from "DetentionEpisode"
      where "caseId" = any(${caseIds}::uuid[]) and "releasedOn" is null group by 1`;
    return new Map(rows.map((row) => [row.caseId, -detentionDays(isoDate(row.startedOn), null, today)]));
  }
  return new Map();
}
