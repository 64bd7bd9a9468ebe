import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { Prisma, type ProgrammeStatus } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";
import { hearingChoicesSql, PROCEEDING_HEARING_SELECT, type HearingChoices } from "@/lib/hearings/queries";
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

/** The case's proceedings' types and stages, and nothing else: what the documents tab needs for missingDocuments. */
export function proceedingStages(access: CaseAccess) {
  return db.proceeding.findMany({ where: { caseId: access.caseId }, select: { type: true, stage: true, closed: true } });
}

/**
 * What the proceedings tab offers beside the proceedings, in one statement
 * (three round trips apart): the programmes a resettlement may be opened
 * under, by name; a hearing's courts and legal officers (hearingChoicesSql,
 * as every hearing form lists them); and the document types the case holds,
 * for missingDocuments.
 */
export async function proceedingsTabChoices(actor: Actor, access: CaseAccess) {
  const [row] = await db.$queryRaw<(HearingChoices & { programmes: { id: string; name: string; names: Prisma.JsonValue; status: ProgrammeStatus }[]; held: string[] })[]>`
    select ${hearingChoicesSql(actor)},
      coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'names', p.names, 'status', p.status) order by p.name) from "Programme" p), '[]') as programmes,
      array(select distinct d.type::text from "Document" d where d."caseId" = ${access.caseId}::uuid) as held`;
  return row;
}

/** The document types the open proceedings' current stages expect and the case does not hold (`held`: the types it holds), in the graphs' order. */
export function missingDocuments(proceedings: { type: string; stage: string; closed: boolean }[], held: Iterable<string>): string[] {
  const heldTypes = new Set<string>(held);
  const expected = new Set<string>();
  for (const p of proceedings) {
    if (p.closed) continue;
    for (const type of GRAPHS[p.type as ProceedingType].expectedDocuments?.[p.stage] ?? []) expected.add(type);
  }
  return [...expected].filter((type) => !heldTypes.has(type));
}
