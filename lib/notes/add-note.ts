import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/policy";
import type { NoteInput } from "./schema";

/** Adds a note and its audit row in one transaction. The caller has checked access to the case. */
export async function addNote(actor: Actor, caseId: string, input: NoteInput, ip: string | null) {
  return db.$transaction(async (tx) => {
    const note = await tx.note.create({ data: { ...input, caseId, authorId: actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "note.create",
      entity: "Note",
      entityId: note.id,
      caseId,
      ip,
      detail: { kind: input.kind, confidential: input.confidential },
    });
    return note;
  });
}
