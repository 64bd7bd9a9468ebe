"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { can } from "@/lib/policy";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { conflictFrom } from "@/lib/locking";
import { bangkokDate, bangkokInstant, dbDate } from "@/lib/dates";
import { moveProceeding } from "@/lib/proceedings/transitions";
import { hearingSchema, outcomeSchema } from "./schema";
import { hearingCounsel } from "./queries";

export async function createHearingAction(code: string, proceedingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "hearing:manage", schema: hearingSchema, ids: [proceedingId] }, async ({ access, input, audit }) => {
    const [proceeding, court, counsel] = await Promise.all([
      db.proceeding.findFirst({ where: { id: proceedingId, caseId: access.caseId }, select: { id: true } }),
      db.court.findFirst({ where: { id: input.courtId, active: true }, select: { id: true } }),
      input.counselId ? hearingCounsel(access) : [],
    ]);
    if (!proceeding) refuse("notFound");
    if (!court) refuse("invalidChoice", "courtId");
    if (input.counselId && !counsel.some((lawyer) => lawyer.id === input.counselId)) refuse("counselNotOnCase", "counselId");
    await db.$transaction(async (tx) => {
      const hearing = await tx.hearing.create({
        data: {
          proceedingId,
          courtId: input.courtId,
          startsAt: bangkokInstant(input.date, input.time),
          durationMinutes: input.durationMinutes,
          purpose: input.purpose,
          counselId: input.counselId,
          interpreter: input.interpreter,
          interpreterLanguage: input.interpreterLanguage,
          updatedById: access.actor.id,
        },
        select: { id: true },
      });
      await audit(tx, { action: "hearing.create", entity: "Hearing", entityId: hearing.id, detail: { purpose: input.purpose }, occurredOn: input.date });
    });
    revalidatePath("/hearings");
  });
}

/**
 * Records what a hearing decided. When the decision moves the proceeding
 * (a verdict, a court order), the move and its deadline tasks are made in
 * the same transaction, dated the day of the hearing.
 */
export async function recordOutcomeAction(code: string, hearingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "hearing:manage", schema: outcomeSchema, ids: [hearingId] }, async ({ access, input, audit, ip }) => {
    if (input.toStage && !can(access.actor, "proceeding:manage")) refuse("notAllowed", "toStage");
    await db.$transaction(async (tx) => {
      const hearing = await tx.hearing.findFirst({ where: { id: hearingId, proceeding: { caseId: access.caseId } }, select: { proceedingId: true, startsAt: true } });
      if (!hearing) refuse("notFound");
      const updated = await tx.hearing.updateMany({
        where: { id: hearingId, version: input.version },
        data: { outcome: input.outcome, nextDate: dbDate(input.nextDate), updatedById: access.actor.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFrom(tx, await tx.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { updatedAt: true, updatedById: true } }));
      await audit(tx, { action: "hearing.update", entity: "Hearing", entityId: hearingId, fields: ["outcome", "nextDate"], occurredOn: bangkokDate(hearing.startsAt) });
      if (input.toStage) {
        const move = { version: input.proceedingVersion ?? 0, fromStage: input.fromStage ?? "", toStage: input.toStage, occurredOn: bangkokDate(hearing.startsAt), reason: input.outcome };
        await moveProceeding(tx, access, hearing.proceedingId, move, ip);
      }
    });
    revalidatePath("/hearings");
  });
}
