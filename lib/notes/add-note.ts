import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CaseAccess } from "@/lib/cases/access";
import type { NoteInput } from "./schema";

/** Adds a note to an opened case, with its audit row, in one transaction (the form and the JSON API both call this). */
export async function addNote(access: CaseAccess, input: NoteInput, ip: string | null) {
  return db.$transaction(async (tx) => {
    const note = await tx.note.create({ data: { ...input, caseId: access.caseId, authorId: access.actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: access.actor.id,
      action: "note.create",
      entity: "Note",
      entityId: note.id,
      caseId: access.caseId,
      ip,
      detail: { kind: input.kind, confidential: input.confidential },
    });
    return note;
  });
}
