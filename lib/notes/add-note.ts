import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CaseAccess } from "@/lib/cases/access";
import type { NoteInput } from "./schema";

/**
 * Adds a note to an opened case, with its audit row, in one transaction (the
 * form and the JSON API both call this). A note sent again with the same
 * idempotency key by the same writer (its first answer never arrived, or a
 * draft kept offline is sent on reconnect) is not made twice: the note made
 * the first time is returned, with `created: false`. The insert skips the
 * duplicate itself (ON CONFLICT DO NOTHING), so two sends at the same moment
 * also make one note.
 */
export async function addNote(access: CaseAccess, input: NoteInput, ip: string | null): Promise<{ id: string; created: boolean }> {
  const { idempotencyKey = null, ...note } = input;
  const authorId = access.actor.id;
  return db.$transaction(async (tx) => {
    const [made] = await tx.note.createManyAndReturn({
      data: [{ ...note, idempotencyKey, caseId: access.caseId, authorId }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!made) {
      // Only a repeated key skips the insert, and the key is the writer's own.
      const sent = await tx.note.findUniqueOrThrow({ where: { authorId_idempotencyKey: { authorId, idempotencyKey: idempotencyKey! } }, select: { id: true } });
      return { id: sent.id, created: false };
    }
    await recordAudit(tx, {
      actorId: authorId,
      action: "note.create",
      entity: "Note",
      entityId: made.id,
      caseId: access.caseId,
      ip,
      detail: { kind: note.kind, confidential: note.confidential },
    });
    return { id: made.id, created: true };
  });
}
