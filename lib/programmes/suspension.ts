import "server-only";
// Suspending a resettlement programme puts every open resettlement linked to
// it on hold in one transaction, remembering each one's stage and writing a
// note on each case; resuming returns each to exactly that stage.
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { todayInBangkok } from "@/lib/dates";
import { moveForProgramme } from "@/lib/proceedings/transitions";
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
  const today = todayInBangkok();
  for (const proceeding of held) {
    const move = { toStage: "ON_HOLD", occurredOn: today, reason: `Programme ${programme.name} suspended`, suspendedFromStage: proceeding.stage };
    await moveForProgramme(tx, proceeding.id, move, context, { programmeSuspended: true });
    await tx.note.create({
      data: { caseId: proceeding.caseId, authorId: context.actorId, kind: "OTHER", body: `Resettlement on hold: the programme ${programme.name} was suspended. It will resume at the stage it had reached.` },
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
  const today = todayInBangkok();
  for (const proceeding of held) {
    const move = { toStage: proceeding.suspendedFromStage!, occurredOn: today, reason: `Programme ${programme.name} resumed`, suspendedFromStage: null };
    await moveForProgramme(tx, proceeding.id, move, context, { programmeResumed: true });
    await tx.note.create({ data: { caseId: proceeding.caseId, authorId: context.actorId, kind: "OTHER", body: `Resettlement resumed: the programme ${programme.name} is active again.` } });
  }
  await recordAudit(tx, { actorId: context.actorId, action: "programme.resume", entity: "Programme", entityId: programmeId, ip: context.ip, detail: { resumed: held.length } });
  return { count: held.length };
}
