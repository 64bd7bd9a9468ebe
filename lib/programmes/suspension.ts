import "server-only";
// Suspending a resettlement programme puts the open resettlements linked to
// it on hold, within the teams the supervisor oversees (an
// organisation-wide supervisor: all), in one transaction: each remembers
// its stage, its case gets a note saying why, and its caseworker and
// counsel are notified. Resuming returns each to exactly that stage. Every
// move goes through lib/proceedings/transitions, so a deadline rule on a
// resettlement stage fires on resume as on any other move.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { todayInBangkok } from "@/lib/dates";
import { programmeHoldScope, type Actor } from "@/lib/policy";
import { moveForProgramme } from "@/lib/proceedings/transitions";
import { refuse } from "@/lib/refusal";
import { notify } from "@/lib/notifications/notify";

export type HoldContext = { actor: Actor; ip: string | null; reason: string };

/** The open resettlements of a programme (every programme, without one) this actor's suspension would hold. */
export function holdable(programmeId: string | null, actor: Actor): Prisma.ProceedingWhereInput {
  return { AND: [programmeHoldScope(actor), { programmeId: programmeId ?? { not: null }, type: "RESETTLEMENT", closed: false, stage: { not: "ON_HOLD" } }] };
}

/** The resettlements of a programme (every programme, without one) this actor's resumption would release (held by a suspension, not by hand). */
export function releasable(programmeId: string | null, actor: Actor): Prisma.ProceedingWhereInput {
  return { AND: [programmeHoldScope(actor), { programmeId: programmeId ?? { not: null }, stage: "ON_HOLD", suspendedFromStage: { not: null } }] };
}

// The dashboard counts both by programme and team from a rollup the
// database keeps (RollupProgrammeHolds; its trigger's
// waypoint_programme_hold_state has the same two conditions), not by
// summing thousands of proceedings at each view. Tests keep the three equal.

/** The caseworker and counsel of each case, told that its resettlement is on hold or moving again. */
async function notifyCases(tx: Tx, caseIds: string[], kind: string, actorId: string) {
  if (caseIds.length === 0) return;
  const cases = await tx.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, caseworkerId: true, members: { where: { role: "COUNSEL" }, select: { userId: true } } } });
  const notices = cases.flatMap((c) => [...new Set([c.caseworkerId, ...c.members.map((m) => m.userId)])].filter((userId): userId is string => Boolean(userId) && userId !== actorId).map((userId) => ({ userId, caseId: c.id, kind })));
  await notify(tx, notices);
}

export async function suspendProgramme(tx: Tx, programmeId: string, context: HoldContext) {
  const programme = await tx.programme.findUnique({ where: { id: programmeId }, select: { name: true, status: true } });
  if (!programme) refuse("notFound");
  const held = await tx.proceeding.findMany({ where: holdable(programmeId, context.actor), select: { id: true, caseId: true, stage: true } });
  // Another team may already have held theirs: then only what is left in this actor's teams.
  if (programme.status === "SUSPENDED" && held.length === 0) refuse("alreadySuspended");
  const actorId = context.actor.id;
  if (programme.status !== "SUSPENDED") {
    await tx.programme.update({ where: { id: programmeId }, data: { status: "SUSPENDED", suspendedAt: new Date(), updatedById: actorId, version: { increment: 1 } } });
  }
  const today = todayInBangkok();
  const moveContext = { actorId, ip: context.ip };
  for (const proceeding of held) {
    const move = { toStage: "ON_HOLD", occurredOn: today, reason: `Programme ${programme.name} suspended: ${context.reason}`, suspendedFromStage: proceeding.stage };
    await moveForProgramme(tx, proceeding.id, move, moveContext, { programmeSuspended: true });
    await tx.note.create({
      data: { caseId: proceeding.caseId, authorId: actorId, kind: "OTHER", body: `Resettlement on hold: the programme ${programme.name} was suspended (${context.reason}). It will resume at the stage it had reached.` },
    });
  }
  await notifyCases(tx, [...new Set(held.map((p) => p.caseId))], "programme-suspended", actorId);
  await recordAudit(tx, { actorId, action: "programme.suspend", entity: "Programme", entityId: programmeId, ip: context.ip, detail: { held: held.length, reason: context.reason } });
  return { count: held.length };
}

export async function resumeProgramme(tx: Tx, programmeId: string, context: HoldContext) {
  const programme = await tx.programme.findUnique({ where: { id: programmeId }, select: { name: true, status: true } });
  if (!programme) refuse("notFound");
  // Only the holds a suspension made: a proceeding put on hold by hand stays on hold.
  const held = await tx.proceeding.findMany({ where: releasable(programmeId, context.actor), select: { id: true, caseId: true, suspendedFromStage: true } });
  if (programme.status !== "SUSPENDED" && held.length === 0) refuse("notSuspended");
  const actorId = context.actor.id;
  const today = todayInBangkok();
  const moveContext = { actorId, ip: context.ip };
  for (const proceeding of held) {
    const move = { toStage: proceeding.suspendedFromStage!, occurredOn: today, reason: `Programme ${programme.name} resumed: ${context.reason}`, suspendedFromStage: null };
    await moveForProgramme(tx, proceeding.id, move, moveContext, { programmeResumed: true });
    await tx.note.create({ data: { caseId: proceeding.caseId, authorId: actorId, kind: "OTHER", body: `Resettlement resumed: the programme ${programme.name} is active again (${context.reason}).` } });
  }
  // The programme is active again once no team holds a resettlement for it.
  const stillHeld = await tx.proceeding.count({ where: { programmeId, stage: "ON_HOLD", suspendedFromStage: { not: null } } });
  if (stillHeld === 0) {
    await tx.programme.update({ where: { id: programmeId }, data: { status: "ACTIVE", suspendedAt: null, updatedById: actorId, version: { increment: 1 } } });
  }
  await notifyCases(tx, [...new Set(held.map((p) => p.caseId))], "programme-resumed", actorId);
  await recordAudit(tx, { actorId, action: "programme.resume", entity: "Programme", entityId: programmeId, ip: context.ip, detail: { resumed: held.length, stillHeld, reason: context.reason } });
  return { count: held.length };
}
