import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { caseScope, taskScope, type Actor } from "@/lib/policy";
import { daysFrom, isoDate, todayInBangkok } from "@/lib/dates";
import { daysUntil } from "@/lib/tasks/buckets";
import { detentionDays } from "@/lib/detention/days";
import { pageCount, ROWS_PER_PAGE } from "@/lib/paging";

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
 * The refoulement-risk board: cases with an open deportation or extradition
 * proceeding, or a protection incident in the last 90 days.
 */
export async function refoulementBoard(actor: Actor, sort: BoardSort) {
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
  const cases = await db.case.findMany({
    where: { AND: [caseScope(actor), { id: { in: candidates } }] },
    take: 500,
    select: {
      id: true,
      code: true,
      sensitivity: true,
      members: { where: { role: "COUNSEL" }, select: { user: { select: { name: true } } } },
      proceedings: { where: { type: "DEPORTATION_EXTRADITION", closed: false }, select: { stage: true } },
      incidents: { where: { occurredOn: { gte: since } }, orderBy: { occurredOn: "desc" }, take: 1, select: { kind: true, severity: true, occurredOn: true } },
      detentions: { where: { releasedOn: null }, select: { startedOn: true, facility: { select: { name: true, names: true } } } },
      tasks: { where: { completedAt: null }, orderBy: { dueOn: "asc" }, take: 1, select: { dueOn: true, title: true, ruleKey: true } },
    },
  });
  // Upcoming hearings of these cases, soonest first: the first seen per case is its next one.
  const upcoming = await db.hearing.findMany({
    where: { startsAt: { gte: new Date() }, proceeding: { caseId: { in: cases.map((c) => c.id) } } },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true, proceeding: { select: { caseId: true } } },
  });
  const nextHearingByCase = new Map<string, Date>();
  for (const hearing of upcoming) {
    if (!nextHearingByCase.has(hearing.proceeding.caseId)) nextHearingByCase.set(hearing.proceeding.caseId, hearing.startsAt);
  }
  const rows = cases.map((c) => ({
    code: c.code,
    sensitivity: c.sensitivity,
    counsel: c.members.map((m) => m.user.name),
    removalStages: c.proceedings.map((p) => p.stage),
    incident: c.incidents[0] ?? null,
    nextHearing: nextHearingByCase.get(c.id) ?? null,
    nextDeadline: c.tasks[0] ? { due: isoDate(c.tasks[0].dueOn), title: c.tasks[0].title, ruleKey: c.tasks[0].ruleKey, daysLeft: daysUntil(isoDate(c.tasks[0].dueOn), today) } : null,
    detention: c.detentions[0] ? { facility: c.detentions[0].facility, days: detentionDays(isoDate(c.detentions[0].startedOn), null, today) } : null,
  }));
  const far = Number.MAX_SAFE_INTEGER;
  const key: Record<BoardSort, (row: (typeof rows)[number]) => number | string> = {
    code: (r) => r.code,
    hearing: (r) => r.nextHearing?.getTime() ?? far,
    deadline: (r) => (r.nextDeadline ? r.nextDeadline.daysLeft : far),
    detention: (r) => -(r.detention?.days ?? -1),
  };
  return rows.sort((a, b) => (key[sort](a) < key[sort](b) ? -1 : key[sort](a) > key[sort](b) ? 1 : a.code.localeCompare(b.code)));
}
