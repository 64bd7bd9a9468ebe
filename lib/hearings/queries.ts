import "server-only";
import { ROWS_PER_PAGE } from "@/lib/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { hearingScope, workingTeams, type Actor } from "@/lib/policy";
import { findClashes } from "./clashes";
import { bangkokDate, daysFrom, type CalendarDate } from "@/lib/dates";

export type HearingFilters = { from: Date; to: Date; counselId?: string; courtId?: string; type?: string; teamId?: string };

const HEARING_SELECT = {
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
  proceeding: { select: { id: true, type: true, stage: true, version: true, case: { select: { code: true, teamId: true } } } },
} satisfies Prisma.HearingSelect;

/**
 * What the hearings page shows of each (the agenda and the week and month
 * grids): a month grid reads a hundred, and the forms' fields of the full
 * select above cost a third of its time for nothing shown.
 */
const CALENDAR_SELECT = {
  id: true,
  startsAt: true,
  purpose: true,
  counselId: true,
  counsel: { select: { name: true } },
  court: { select: { name: true, names: true } },
  proceeding: { select: { type: true, case: { select: { code: true } } } },
} satisfies Prisma.HearingSelect;

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

/** Which of these hearings clash: checked against all of their counsel's hearings in the period, not only the filtered ones. */
async function clashingIds(hearings: { counselId: string | null }[], filters: HearingFilters): Promise<Set<string>> {
  const counselIds = [...new Set(hearings.map((h) => h.counselId).filter((id): id is string => Boolean(id)))];
  if (!counselIds.length) return new Set();
  const sameCounsel = await db.hearing.findMany({
    where: { counselId: { in: counselIds }, startsAt: { gte: daysFrom(filters.from, -1), lt: filters.to } },
    select: { id: true, counselId: true, startsAt: true, durationMinutes: true },
  });
  return findClashes(sameCounsel);
}

/**
 * One page of the hearings in a period that the actor may see (the
 * agenda, ROWS_PER_PAGE), soonest first, each marked if its counsel has
 * another at the same time (lists show case codes only, never names), and
 * the period's total.
 */
export async function listHearings(actor: Actor, filters: HearingFilters, page: number) {
  const where = hearingWhere(actor, filters);
  const [hearings, total] = await Promise.all([
    db.hearing.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: (page - 1) * ROWS_PER_PAGE, take: ROWS_PER_PAGE, select: CALENDAR_SELECT }),
    db.hearing.count({ where }),
  ]);
  const clashes = await clashingIds(hearings, filters);
  return { hearings: hearings.map((h) => ({ ...h, clash: clashes.has(h.id) })), total };
}

/**
 * The week and month grids: each Bangkok day's count of hearings and its
 * first `perDay` in full (a cell shows a few and links to that day's
 * agenda), the period's total and how many clash. Every hearing of the
 * period is counted and checked for clashes, but only those shown are
 * read in full.
 */
export async function hearingGrid(actor: Actor, filters: HearingFilters, perDay: number) {
  const slots = await db.hearing.findMany({
    where: hearingWhere(actor, filters),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true, counselId: true },
  });
  const clashes = await clashingIds(slots, filters);
  const byDay = new Map<CalendarDate, string[]>();
  for (const slot of slots) {
    const day = bangkokDate(slot.startsAt);
    const ids = byDay.get(day);
    if (ids) ids.push(slot.id);
    else byDay.set(day, [slot.id]);
  }
  const shownIds = [...byDay.values()].flatMap((ids) => ids.slice(0, perDay));
  const shown = new Map((await db.hearing.findMany({ where: { id: { in: shownIds } }, select: CALENDAR_SELECT })).map((h) => [h.id, { ...h, clash: clashes.has(h.id) }]));
  const days = new Map([...byDay].map(([day, ids]) => [day, { count: ids.length, hearings: ids.slice(0, perDay).flatMap((id) => shown.get(id) ?? []) }]));
  return { days, total: slots.length, clashes: clashes.size ? slots.filter((s) => clashes.has(s.id)).length : 0 };
}
export type HearingView = Awaited<ReturnType<typeof listHearings>>["hearings"][number];

/** Hearings of the proceedings of one case. */
export async function proceedingHearings(access: CaseAccess) {
  return db.hearing.findMany({ where: { proceeding: { caseId: access.caseId } }, orderBy: { startsAt: "asc" }, select: HEARING_SELECT });
}
export type ProceedingHearing = Awaited<ReturnType<typeof proceedingHearings>>[number];

/**
 * Who may be a hearing's counsel: the active legal officers named as counsel
 * on the case. A hearing shows its case's code and reaches its counsel's
 * calendar feed, so it may go only to someone who may open the case.
 */
export async function hearingCounsel(access: CaseAccess) {
  return db.user.findMany({
    where: { role: "LEGAL_OFFICER", active: true, memberships: { some: { caseId: access.caseId, role: "COUNSEL" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function hearingOptions(actor: Actor) {
  const [courts, counsel, teams] = await Promise.all([
    db.court.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, names: true } }),
    db.user.findMany({
      where: { role: "LEGAL_OFFICER", active: true, ...(actor.teamId ? { teamId: actor.teamId } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.team.findMany({ where: workingTeams(actor), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { courts, counsel, teams };
}
