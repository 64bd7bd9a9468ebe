"use server";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { conflictFrom } from "@/lib/locking";
import { personBelongsToCase } from "@/lib/cases/queries";
import { detentionSchema, detentionUpdateSchema } from "./schema";
import { assertNoOverlap, episodeDates } from "./store";

export async function addDetentionAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "custody:manage", schema: detentionSchema }, async ({ access, input, audit }) => {
    const [personOk, facility] = await Promise.all([
      personBelongsToCase(access, input.personId),
      db.facility.findFirst({ where: { id: input.facilityId, active: true }, select: { id: true } }),
    ]);
    if (!personOk) refuse("invalidChoice", "personId");
    if (!facility) refuse("invalidChoice", "facilityId");
    await db.$transaction(async (tx) => {
      await assertNoOverlap(tx, input.personId, input);
      const episode = await tx.detentionEpisode.create({
        data: { caseId: access.caseId, personId: input.personId, facilityId: input.facilityId, ...episodeDates(input), updatedById: access.actor.id },
        select: { id: true },
      });
      await audit(tx, { action: "detention.create", entity: "DetentionEpisode", entityId: episode.id, occurredOn: input.startedOn });
    });
  });
}

export async function updateDetentionAction(code: string, episodeId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "custody:manage", schema: detentionUpdateSchema, ids: [episodeId] }, async ({ access, input, audit }) => {
    const { version, ...period } = input;
    await db.$transaction(async (tx) => {
      const episode = await tx.detentionEpisode.findFirst({ where: { id: episodeId, caseId: access.caseId }, select: { personId: true } });
      if (!episode) refuse("notFound");
      await assertNoOverlap(tx, episode.personId, period, episodeId);
      const updated = await tx.detentionEpisode.updateMany({
        where: { id: episodeId, version },
        data: { ...episodeDates(period), updatedById: access.actor.id, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw await conflictFrom(tx, await tx.detentionEpisode.findUniqueOrThrow({ where: { id: episodeId }, select: { updatedAt: true, updatedById: true } }));
      }
      await audit(tx, { action: "detention.update", entity: "DetentionEpisode", entityId: episodeId, fields: ["startedOn", "sentenceEndsOn", "releasedOn", "releaseReason"], occurredOn: period.releasedOn });
    });
  });
}
