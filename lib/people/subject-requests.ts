import "server-only";
// Data subject requests for one person: everything Waypoint holds about
// them as JSON plus their documents (a .zip), and erasure. Erasure blanks
// every personal field and deletes their documents; the person stays as an
// anonymous household member so the case's history and counts hold. The
// audit trail records that an erasure happened, by whom and why, never the
// erased values (audit rows only ever hold field names).
import { eraseCopies } from "./erase-copies";
import { identityRemoved } from "./fields";
import { strToU8, zipSync } from "fflate";
import type { CaseAccess } from "@/lib/cases/access";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { fileStore } from "@/lib/files/app-store";
import { bangkokDate } from "@/lib/dates";

export const ERASED_NAME = "Erased person";

/** Keys of the export that name staff (their ids) or hold derived search text. */
const STAFF_OR_DERIVED = /^(actorId|userId|counselId|assigneeId|caseworkerId|\w+ById|searchText|nameKeys|nameWords)$/;

/** The whole record of one person of a case (caller checked access), as a zip of person.json and their documents. */
export async function subjectAccessExport(access: CaseAccess, personId: string, ip: string | null): Promise<{ zip: Uint8Array; fileName: string } | null> {
  const { caseId } = access;
  const actorId = access.actor.id;
  const person = await db.person.findFirst({ where: { id: personId, caseId } });
  if (!person) return null;
  const [household, detention, fines, documents, proceedings, notes, trail] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { code: true, status: true, openedAt: true, journey: true, team: { select: { name: true } } } }),
    db.detentionEpisode.findMany({ where: { personId }, include: { facility: { select: { name: true, names: true } } } }),
    db.fine.findMany({ where: { personId }, include: { payments: true } }),
    db.document.findMany({ where: { personId } }),
    db.proceeding.findMany({ where: { caseId }, include: { stageChanges: { orderBy: { at: "asc" } }, hearings: true } }),
    // Confidential notes are the team's own assessments, often about others: not part of one person's copy.
    db.note.findMany({ where: { caseId, confidential: false }, orderBy: { createdAt: "asc" }, select: { createdAt: true, kind: true, body: true } }),
    db.auditLog.findMany({ where: { entityId: personId }, orderBy: { id: "asc" } }),
  ]);
  const files: Record<string, Uint8Array> = {};
  for (const document of documents) {
    files[`documents/${document.id}-${document.fileName.replace(/[^\p{L}\p{N}._-]+/gu, "_")}`] = new Uint8Array(await fileStore().get(document.storageKey));
  }
  const record = {
    exportedAt: new Date().toISOString(),
    note: "Everything Waypoint holds about this person. The case's notes and proceedings concern the whole household. Staff are not named, and the record of who looked at it is given without network addresses.",
    person,
    case: household,
    detention,
    fines,
    documents: documents.map(({ storageKey: _storageKey, ...document }) => document),
    proceedings,
    notes: notes.map((n) => ({ at: n.createdAt, kind: n.kind, body: n.body })),
    auditTrail: trail.map((a) => ({ at: a.at, action: a.action, fields: a.fields })),
  };
  // Who on the staff did what is the organisation's record, not the person's: ids of staff and derived search keys are left out.
  const json = JSON.stringify(record, (key, value) => (STAFF_OR_DERIVED.test(key) ? undefined : typeof value === "bigint" ? value.toString() : value), 2);
  const zip = zipSync({ "person.json": strToU8(json), ...files });
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId, action: "person.export", entity: "Person", entityId: personId, caseId, ip, detail: { documents: documents.length } }),
  );
  return { zip, fileName: `waypoint-${household.code}-person-${bangkokDate(new Date())}.zip` };
}

/**
 * Erases one person in one transaction; their document files are removed
 * after it commits (a failure there leaves only unreadable ciphertext,
 * logged for an operator). Returns how many documents went.
 */
export async function erasePerson(access: CaseAccess, personId: string, reason: string, ip: string | null) {
  const { caseId } = access;
  const actorId = access.actor.id;
  const storageKeys = await db.$transaction(async (tx: Tx) => {
    const person = await tx.person.findFirst({
      where: { id: personId, caseId },
      select: { relationship: true, position: true, latinName: true, nativeName: true, aliases: true, unhcrNumber: true, documentNumber: true },
    });
    if (!person) return null;
    // Where they stand in the household, as a summary lists it (by position).
    const index = await tx.person.count({ where: { caseId, position: { lt: person.position } } });
    const copies = await eraseCopies(tx, { personId, caseId, teamId: access.teamId, index, ...person });
    await tx.person.update({
      where: { id: personId },
      data: {
        latinName: ERASED_NAME,
        ...identityRemoved(),
        // Erasure goes further than anonymisation: what the figures count about them goes too.
        birthYear: null,
        sex: "UNKNOWN",
        ethnicity: null,
        languages: [],
        vulnerabilities: [],
        updatedById: actorId,
        version: { increment: 1 },
      },
    });
    if (person.relationship === "PRINCIPAL") {
      await tx.case.update({ where: { id: caseId }, data: { principalName: ERASED_NAME, principalNativeName: null, updatedById: actorId, version: { increment: 1 } } });
    }
    const documents = await tx.document.findMany({ where: { personId }, select: { id: true, storageKey: true } });
    await tx.document.deleteMany({ where: { personId } });
    await recordAudit(tx, {
      actorId,
      action: "person.erase",
      entity: "Person",
      entityId: personId,
      caseId,
      ip,
      fields: ["latinName", "nativeName", "aliases", "birthDate", "sex", "ethnicity", "languages", "unhcrNumber", "documentNumber", "religion", "phone", "address", "safeHouse", "vulnerabilities", "documents"],
      detail: { reason, documents: documents.length, copies },
    });
    return documents.map((d) => d.storageKey);
  });
  if (!storageKeys) return null;
  for (const key of storageKeys) {
    await fileStore()
      .remove(key)
      .catch((error: unknown) => console.error(JSON.stringify({ msg: "erased document file could not be removed", key, error: String(error) })));
  }
  return { documents: storageKeys.length };
}
