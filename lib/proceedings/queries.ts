import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { PROCEEDING_HEARING_SELECT } from "@/lib/hearings/queries";
import { allowedNextStages, GRAPHS, type ProceedingType } from "@/lib/workflows";

/** The case's proceedings with their history and the moves their graphs allow. */
export async function getProceedings(access: CaseAccess) {
  const proceedings = await db.proceeding.findMany({
    where: { caseId: access.caseId },
    orderBy: [{ closed: "asc" }, { openedAt: "asc" }],
    select: {
      id: true,
      type: true,
      stage: true,
      closed: true,
      reference: true,
      certificateExpiresOn: true,
      openedAt: true,
      version: true,
      programme: { select: { name: true, names: true, status: true } },
      parties: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, role: true } },
      stageChanges: {
        orderBy: { at: "asc" },
        select: { id: true, fromStage: true, toStage: true, reason: true, occurredOn: true, at: true, actor: { select: { name: true } } },
      },
      hearings: { orderBy: { startsAt: "asc" }, select: PROCEEDING_HEARING_SELECT },
    },
  });
  return proceedings.map((p) => ({
    ...p,
    // Opened on the day its first stage happened, not the day it was typed in.
    openedOn: p.stageChanges.find((change) => change.fromStage === null)?.occurredOn ?? p.openedAt,
    nextStages: allowedNextStages(p.type as ProceedingType, p.stage),
  }));
}
export type ProceedingView = Awaited<ReturnType<typeof getProceedings>>[number];

export async function activeProgrammes() {
  return db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, status: true } });
}

/** Document types the current stages expect and the case does not hold yet. */
export async function missingDocuments(access: CaseAccess, proceedings: { type: string; stage: string; closed: boolean }[]) {
  const { caseId } = access;
  const expected = new Set<string>();
  for (const p of proceedings) {
    if (p.closed) continue;
    for (const type of GRAPHS[p.type as ProceedingType].expectedDocuments?.[p.stage] ?? []) expected.add(type);
  }
  if (expected.size === 0) return [];
  const held = await db.document.findMany({ where: { caseId, type: { in: [...expected] as never } }, select: { type: true }, distinct: ["type"] });
  const heldTypes = new Set(held.map((d) => d.type));
  return [...expected].filter((type) => !heldTypes.has(type as never));
}
