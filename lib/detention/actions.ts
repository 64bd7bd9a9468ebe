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
import { personBelongsToCase, visibleCaseOr404 } from "@/lib/cases/queries";
import { detentionSchema, detentionUpdateSchema } from "./schema";
import { assertNoOverlap, episodeDates, OverlapError } from "./store";

export async function addDetentionAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "custody:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = detentionSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const [personOk, facility] = await Promise.all([
    personBelongsToCase(target.id, input.personId),
    db.facility.findFirst({ where: { id: input.facilityId, active: true }, select: { id: true } }),
  ]);
  if (!personOk) return { fieldErrors: { personId: "invalidChoice" } };
  if (!facility) return { fieldErrors: { facilityId: "invalidChoice" } };
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      await assertNoOverlap(tx, input.personId, input);
      const episode = await tx.detentionEpisode.create({
        data: { caseId: target.id, personId: input.personId, facilityId: input.facilityId, ...episodeDates(input), updatedById: user.id },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: user.id, action: "detention.create", entity: "DetentionEpisode", entityId: episode.id, caseId: target.id, ip });
    });
  } catch (error) {
    if (error instanceof OverlapError) return { fieldErrors: { startedOn: "overlappingDetention" } };
    throw error;
  }
  revalidatePath(`/cases/${code}/custody`);
  return { ok: true };
}

export async function updateDetentionAction(code: string, episodeId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "custody:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = detentionUpdateSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const { version, ...input } = parsed.data;
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      const episode = await tx.detentionEpisode.findFirst({ where: { id: episodeId, caseId: target.id }, select: { personId: true } });
      if (!episode) notFound();
      await assertNoOverlap(tx, episode.personId, input, episodeId);
      const updated = await tx.detentionEpisode.updateMany({
        where: { id: episodeId, version },
        data: { ...episodeDates(input), updatedById: user.id, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw await conflictFrom(tx, await tx.detentionEpisode.findUniqueOrThrow({ where: { id: episodeId }, select: { updatedAt: true, updatedById: true } }));
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: "detention.update",
        entity: "DetentionEpisode",
        entityId: episodeId,
        caseId: target.id,
        fields: ["startedOn", "sentenceEndsOn", "releasedOn", "releaseReason"],
        ip,
      });
    });
  } catch (error) {
    if (error instanceof OverlapError) return { fieldErrors: { startedOn: "overlappingDetention" } };
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  revalidatePath(`/cases/${code}/custody`);
  return { ok: true };
}
