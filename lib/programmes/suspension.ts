import "server-only";
// Suspending a resettlement programme puts every open resettlement linked to
// it on hold in one transaction, remembering each one's stage and writing a
// note on each case; resuming returns each to exactly that stage.
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { todayInBangkok } from "@/lib/dates";
import { toDbDate } from "@/lib/validation/dates";
import { refuse } from "@/lib/refusal";

type Context = { actorId: string; ip: string | null };


export async function suspendProgramme(tx: Tx, programmeId: string, context: Context) {
  const programme = await tx.programme.findUnique({ where: { id: programmeId }, select: { name: true, status: true } });
  if (!programme) refuse("notFound");
  if (programme.status === "SUSPENDED") refuse("alreadySuspended");
  await tx.programme.update({ where: { id: programmeId }, data: { status: "SUSPENDED", suspendedAt: new Date(), updatedById: context.actorId, version: { increment: 1 } } });
  const held = await tx.proceeding.findMany({
    where: { programmeId, type: "RESETTLEMENT", closed: false, stage: { not: "ON_HOLD" } },
    select: { id: true, caseId: true, stage: true },
  });
  const today = toDbDate(todayInBangkok());
  for (const proceeding of held) {
    await tx.proceeding.update({
      where: { id: proceeding.id },
      data: { stage: "ON_HOLD", suspendedFromStage: proceeding.stage, updatedById: context.actorId, version: { increment: 1 } },
    });
    await tx.stageChange.create({
      data: { proceedingId: proceeding.id, fromStage: proceeding.stage, toStage: "ON_HOLD", reason: `Programme ${programme.name} suspended`, occurredOn: today, actorId: context.actorId },
    });
    await tx.note.create({
      data: { caseId: proceeding.caseId, authorId: context.actorId, kind: "OTHER", body: `Resettlement on hold: the programme ${programme.name} was suspended. It will resume at the stage it had reached.` },
    });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "proceeding.transition",
      entity: "Proceeding",
      entityId: proceeding.id,
      caseId: proceeding.caseId,
      fields: ["stage"],
      ip: context.ip,
      detail: { type: "RESETTLEMENT", from: proceeding.stage, to: "ON_HOLD", programmeSuspended: true },
    });
  }
  await recordAudit(tx, { actorId: context.actorId, action: "programme.suspend", entity: "Programme", entityId: programmeId, ip: context.ip, detail: { held: held.length } });
  return { count: held.length };
}

export async function resumeProgramme(tx: Tx, programmeId: string, context: Context) {
  const programme = await tx.programme.findUnique({ where: { id: programmeId }, select: { name: true, status: true } });
  if (!programme) refuse("notFound");
  if (programme.status !== "SUSPENDED") refuse("notSuspended");
  await tx.programme.update({ where: { id: programmeId }, data: { status: "ACTIVE", suspendedAt: null, updatedById: context.actorId, version: { increment: 1 } } });
  // Only the holds the suspension made: a proceeding put on hold by hand stays on hold.
  const held = await tx.proceeding.findMany({
    where: { programmeId, stage: "ON_HOLD", suspendedFromStage: { not: null } },
    select: { id: true, caseId: true, suspendedFromStage: true },
  });
  const today = toDbDate(todayInBangkok());
  for (const proceeding of held) {
    const stage = proceeding.suspendedFromStage!;
    await tx.proceeding.update({ where: { id: proceeding.id }, data: { stage, suspendedFromStage: null, updatedById: context.actorId, version: { increment: 1 } } });
    await tx.stageChange.create({
      data: { proceedingId: proceeding.id, fromStage: "ON_HOLD", toStage: stage, reason: `Programme ${programme.name} resumed`, occurredOn: today, actorId: context.actorId },
    });
    await tx.note.create({ data: { caseId: proceeding.caseId, authorId: context.actorId, kind: "OTHER", body: `Resettlement resumed: the programme ${programme.name} is active again.` } });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "proceeding.transition",
      entity: "Proceeding",
      entityId: proceeding.id,
      caseId: proceeding.caseId,
      fields: ["stage"],
      ip: context.ip,
      detail: { type: "RESETTLEMENT", from: "ON_HOLD", to: stage, programmeResumed: true },
    });
  }
  await recordAudit(tx, { actorId: context.actorId, action: "programme.resume", entity: "Programme", entityId: programmeId, ip: context.ip, detail: { resumed: held.length } });
  return { count: held.length };
}
