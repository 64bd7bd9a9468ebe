import "server-only";
import { ROWS_PER_PAGE } from "@/lib/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { hearingScope, workingTeams, type Actor } from "@/lib/policy";
import { findClashes } from "./clashes";
import { daysFrom } from "@/lib/dates";

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
 * The hearings in a period that the actor may see, soonest first, each
 * marked if its counsel has another at the same time (lists show case
 * codes only, never names). With `page`, one page of the agenda
 * (ROWS_PER_PAGE) and the period's total; without, the whole period (the
 * week and month grids, at most 1,000).
 */
export async function listHearings(actor: Actor, filters: HearingFilters, page?: number) {
  const where: Prisma.HearingWhereInput = {
    AND: [
      hearingScope(actor),
      { startsAt: { gte: filters.from, lt: filters.to } },
      filters.counselId ? { counselId: filters.counselId } : {},
      filters.courtId ? { courtId: filters.courtId } : {},
      filters.type ? { proceeding: { type: filters.type as never } } : {},
      filters.teamId ? { teamId: filters.teamId } : {},
    ],
  };
  const [hearings, total] = await Promise.all([
    db.hearing.findMany({
      where,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: page ? (page - 1) * ROWS_PER_PAGE : 0,
      take: page ? ROWS_PER_PAGE : 1000,
      select: HEARING_SELECT,
    }),
    page ? db.hearing.count({ where }) : null,
  ]);
  // Clashes are checked against all of a counsel's hearings in the period, not only the filtered ones.
  const counselIds = [...new Set(hearings.map((h) => h.counselId).filter((id): id is string => Boolean(id)))];
  const sameCounsel = counselIds.length
    ? await db.hearing.findMany({
        where: { counselId: { in: counselIds }, startsAt: { gte: daysFrom(filters.from, -1), lt: filters.to } },
        select: { id: true, counselId: true, startsAt: true, durationMinutes: true },
      })
    : [];
  const clashes = findClashes(sameCounsel);
  return { hearings: hearings.map((h) => ({ ...h, clash: clashes.has(h.id) })), total: total ?? hearings.length };
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
