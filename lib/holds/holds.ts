import "server-only";
// Legal holds: a supervisor's word that a case must be kept as it is
// (litigation, an open protection concern), whatever the retention
// schedules say. One hold stands on a case at a time; lifting keeps it,
// with who lifted it and why. Placing and lifting are audited.
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { refuse } from "@/lib/refusal";
import type { CaseAccess } from "@/lib/cases/access";

type Context = { ip: string | null };

/** The hold standing on a case, if any. */
export async function standingHold(tx: Pick<Tx, "legalHold">, caseId: string) {
  return tx.legalHold.findFirst({ where: { caseId, liftedAt: null }, select: { id: true, reason: true, placedAt: true, placedById: true } });
}

export async function placeHold(access: CaseAccess, reason: string, context: Context) {
  return db.$transaction(async (tx) => {
    // Lock the case so two supervisors at once cannot both find no hold.
    await tx.$queryRaw`select 1 from "Case" where id = ${access.caseId}::uuid for update`;
    if (await standingHold(tx, access.caseId)) refuse("holdAlreadyStands");
    const hold = await tx.legalHold.create({ data: { caseId: access.caseId, reason, placedById: access.actor.id }, select: { id: true } });
    await recordAudit(tx, { actorId: access.actor.id, action: "hold.place", entity: "LegalHold", entityId: hold.id, caseId: access.caseId, ip: context.ip });
    return hold;
  });
}

export async function liftHold(access: CaseAccess, holdId: string, reason: string, context: Context) {
  await db.$transaction(async (tx) => {
    const lifted = await tx.legalHold.updateMany({
      where: { id: holdId, caseId: access.caseId, liftedAt: null },
      data: { liftedAt: new Date(), liftedById: access.actor.id, liftReason: reason },
    });
    if (lifted.count === 0) refuse("holdNotStanding");
    await recordAudit(tx, { actorId: access.actor.id, action: "hold.lift", entity: "LegalHold", entityId: holdId, caseId: access.caseId, ip: context.ip });
  });
}

/** What a case file reads of its holds: every one, the standing hold first, then newest first. */
export const CASE_HOLDS = {
  orderBy: [{ liftedAt: { sort: "desc", nulls: "first" } }, { placedAt: "desc" }],
  select: { id: true, reason: true, placedAt: true, placedById: true, liftedAt: true, liftedById: true, liftReason: true },
} satisfies Prisma.Case$legalHoldsArgs;
type HoldRow = Prisma.LegalHoldGetPayload<{ select: (typeof CASE_HOLDS)["select"] }>;

/** A case's holds with the names of who placed and lifted them. */
export function namedHolds(holds: HoldRow[], names: Map<string, string>) {
  return holds.map((h) => ({ ...h, placedBy: names.get(h.placedById) ?? "?", liftedBy: h.liftedById ? (names.get(h.liftedById) ?? "?") : null }));
}

/** The staff a case's holds name. */
export const holdStaff = (holds: HoldRow[]) => holds.flatMap((h) => [h.placedById, h.liftedById]);
