"use server";
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { ConflictError, conflictFrom, conflictState } from "@/lib/locking";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { bangkokInstant, toDbDate } from "@/lib/validation/dates";
import { bangkokDate } from "@/lib/dates";
import { moveProceeding, TransitionRefused } from "@/lib/proceedings/transitions";
import { hearingSchema, outcomeSchema } from "./schema";

function revalidateHearing(code: string) {
  revalidatePath(`/cases/${code}/proceedings`);
  revalidatePath("/hearings");
}

export async function createHearingAction(code: string, proceedingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "hearing:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = hearingSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const [proceeding, court, counsel] = await Promise.all([
    db.proceeding.findFirst({ where: { id: proceedingId, caseId: target.id }, select: { id: true } }),
    db.court.findFirst({ where: { id: input.courtId, active: true }, select: { id: true } }),
    input.counselId ? db.user.findFirst({ where: { id: input.counselId, role: "LEGAL_OFFICER", active: true }, select: { id: true } }) : null,
  ]);
  if (!proceeding) notFound();
  if (!court) return { fieldErrors: { courtId: "invalidChoice" } };
  if (input.counselId && !counsel) return { fieldErrors: { counselId: "invalidChoice" } };
  const ip = await clientIp();
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
        updatedById: user.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "hearing.create", entity: "Hearing", entityId: hearing.id, caseId: target.id, ip, detail: { purpose: input.purpose } });
  });
  revalidateHearing(code);
  return { ok: true };
}

/**
 * Records what a hearing decided. When the decision moves the proceeding
 * (a verdict, a court order), the move and its deadline tasks are made in
 * the same transaction, dated the day of the hearing.
 */
export async function recordOutcomeAction(code: string, hearingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "hearing:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = outcomeSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (input.toStage) assertCan(user, "proceeding:manage");
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      const hearing = await tx.hearing.findFirst({ where: { id: hearingId, proceeding: { caseId: target.id } }, select: { proceedingId: true, startsAt: true } });
      if (!hearing) notFound();
      const updated = await tx.hearing.updateMany({
        where: { id: hearingId, version: input.version },
        data: { outcome: input.outcome, nextDate: toDbDate(input.nextDate), updatedById: user.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFrom(tx, await tx.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { updatedAt: true, updatedById: true } }));
      await recordAudit(tx, { actorId: user.id, action: "hearing.update", entity: "Hearing", entityId: hearingId, caseId: target.id, fields: ["outcome", "nextDate"], ip });
      if (input.toStage) {
        const hearingDay = bangkokDate(hearing.startsAt);
        await moveProceeding(
          tx,
          target.id,
          hearing.proceedingId,
          { version: input.proceedingVersion ?? 0, fromStage: input.fromStage ?? "", toStage: input.toStage, occurredOn: hearingDay, reason: input.outcome },
          { actorId: user.id, ip },
        );
      }
    });
  } catch (error) {
    if (error instanceof TransitionRefused) return { fieldErrors: { toStage: error.messageKey } };
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  revalidateHearing(code);
  revalidatePath(`/cases/${code}/tasks`);
  return { ok: true };
}
