import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  // The two ways onto the board, each from its own index (an OR of the two
  // made PostgreSQL read every case in scope); the board itself is then
  // read within the actor's scope, so a candidate they may not open drops out.
  const [flagged, recent] = await Promise.all([
    db.case.findMany({ where: { AND: [caseScope(actor), { riskFlags: { has: "REFOULEMENT_RISK" } }] }, select: { id: true }, take: 500 }),
    db.protectionIncident.findMany({ where: { occurredOn: { gte: since } }, select: { caseId: true }, distinct: ["caseId"] }),
  ]);
  const candidates = [...new Set([...flagged.map((c) => c.id), ...recent.map((i) => i.caseId)])];
  const onBoard = await db.case.findMany({ where: { AND: [caseScope(actor), { id: { in: candidates } }] }, take: 500, select: { id: true, code: true } });
  const ids = onBoard.map((c) => c.id);
  // Sorted by hearing, the board's next hearings are read once, for the order and for the rows shown.
  let boardHearings: Map<string, Date> | null = null;
  let order: Map<string, number>;
  if (sort === "hearing") {
    boardHearings = await nextHearings(ids);
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
    boardHearings ?? nextHearings(shown.map((c) => c.id)),
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

/** Each case's next hearing, from its upcoming ones soonest first (the first seen per case). */
async function nextHearings(caseIds: string[]): Promise<Map<string, Date>> {
  const upcoming = await db.hearing.findMany({
    where: { startsAt: { gte: new Date() }, proceeding: { caseId: { in: caseIds } } },
    orderBy: { startsAt: "asc" },
    relationLoadStrategy: "query",
    select: { startsAt: true, proceeding: { select: { caseId: true } } },
  });
  const next = new Map<string, Date>();
  for (const hearing of upcoming) if (!next.has(hearing.proceeding.caseId)) next.set(hearing.proceeding.caseId, hearing.startsAt);
  return next;
}

/**
 * The board's order as a number per case, smaller first (none: last): the
 * days left to the next deadline, or the longest held first. By code, none
 * (the codes themselves order the board). By next hearing, the hearings'
 * times are the order (refoulementBoard).
 */
async function boardOrder(sort: Exclude<BoardSort, "hearing">, caseIds: string[], today: string): Promise<Map<string, number>> {
  if (sort === "deadline") {
    const tasks = await db.task.findMany({ where: { caseId: { in: caseIds }, completedAt: null }, orderBy: { dueOn: "asc" }, select: { caseId: true, dueOn: true } });
    const order = new Map<string, number>();
    for (const task of tasks) if (!order.has(task.caseId)) order.set(task.caseId, daysUntil(isoDate(task.dueOn), today));
    return order;
  }
  if (sort === "detention") {
    const open = await db.detentionEpisode.findMany({ where: { caseId: { in: caseIds }, releasedOn: null }, orderBy: { startedOn: "asc" }, select: { caseId: true, startedOn: true } });
    const order = new Map<string, number>();
    for (const episode of open) if (!order.has(episode.caseId)) order.set(episode.caseId, -detentionDays(isoDate(episode.startedOn), null, today));
    return order;
  }
  return new Map();
}
