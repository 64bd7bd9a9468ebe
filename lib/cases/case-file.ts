import "server-only";
// The case file: what every page of a case shows in its header (the case,
// its household, its team and people named on it, open detentions) and the
// facts a caseworker in the field needs first (the next deadline and the
// next hearing). Staff read it in the same statement as the case gate
// (lib/cases/access); a guest's grants decide first which parts they read.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { PERSON_FIELD_SELECT } from "@/lib/people/fields";
import type { CaseAccess } from "./access";

const CASE_FILE_SELECT = {
  id: true,
  code: true,
  status: true,
  sensitivity: true,
  riskFlags: true,
  principalName: true,
  principalNativeName: true,
  nationality: true,
  householdSize: true,
  openedAt: true,
  closedAt: true,
  anonymisedAt: true,
  updatedAt: true,
  version: true,
  teamId: true,
  team: { select: { id: true, name: true } },
  caseworkerId: true,
  caseworker: { select: { id: true, name: true } },
  updatedBy: { select: { name: true } },
  members: { select: { role: true, user: { select: { id: true, name: true, role: true, active: true } } } },
  journey: true,
  detentions: {
    where: { releasedOn: null },
    select: { id: true, startedOn: true, sentenceEndsOn: true, person: { select: { latinName: true } } },
  },
  people: {
    orderBy: { position: "asc" },
    select: { id: true, ...PERSON_FIELD_SELECT, version: true, position: true },
  },
} satisfies Prisma.CaseSelect;

/**
 * What to read of the case file for a reader who may open these sections
 * (null: staff, every section). The next deadline and hearing are each read
 * only for a reader who may open their section (none: a limit of 0).
 */
export function caseFileSelect(sections: readonly string[] | null) {
  const upTo = (section: string) => (sections === null || sections.includes(section) ? 1 : 0);
  return {
    ...CASE_FILE_SELECT,
    tasks: { where: { completedAt: null }, orderBy: { dueOn: "asc" }, take: upTo("tasks"), select: { dueOn: true, title: true, ruleKey: true } },
    // Each proceeding's next hearing (from the index on its hearings by start); the soonest is the case's.
    proceedings: {
      select: {
        hearings: {
          where: { startsAt: { gte: new Date() } },
          orderBy: { startsAt: "asc" },
          take: upTo("proceedings"),
          select: { startsAt: true, purpose: true, court: { select: { name: true, names: true } } },
        },
      },
    },
  } satisfies Prisma.CaseSelect;
}

export type CaseFileRow = Prisma.CaseGetPayload<{ select: ReturnType<typeof caseFileSelect> }>;

/** The case file from its row; `sections` are the reader's (null: all), for the tabs. */
export function caseFileOf({ tasks, proceedings, ...file }: CaseFileRow, sections: readonly string[] | null) {
  const upcoming = proceedings.flatMap((p) => p.hearings).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { ...file, nextHearing: upcoming[0] ?? null, nextDeadline: tasks[0] ?? null, sections };
}
export type CaseFile = ReturnType<typeof caseFileOf>;

/** The case file of an opened case (openCase has checked access and audited the view). */
export async function getCaseFile(access: CaseAccess): Promise<CaseFile> {
  const row = await db.case.findUniqueOrThrow({ where: { id: access.caseId }, select: caseFileSelect(access.sections) });
  return caseFileOf(row, access.sections);
}
