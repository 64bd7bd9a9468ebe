import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { caseSectionScope, can, type Actor } from "@/lib/policy";
import { recordAudit } from "@/lib/audit";
import { fileStore } from "@/lib/files/app-store";
import { sha256 } from "@/lib/files/crypto";

/** A case's documents. */
export async function caseDocuments(access: CaseAccess) {
  return db.document.findMany({
    where: { caseId: access.caseId },
    orderBy: { uploadedAt: "desc" },
    select: {
      id: true,
      type: true,
      number: true,
      issuedOn: true,
      expiresOn: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      uploadedAt: true,
      uploadedBy: { select: { name: true } },
      person: { select: { latinName: true } },
    },
  });
}

/**
 * The decrypted file, if the actor may read documents of its case; null
 * otherwise (the route answers 404). Every download is audited.
 */
export async function downloadDocument(actor: Actor, documentId: string, ip: string | null) {
  if (!can(actor, "document:read")) return null;
  const document = await db.document.findFirst({
    where: { id: documentId, case: caseSectionScope(actor, "documents") },
    select: { id: true, caseId: true, fileName: true, contentType: true, storageKey: true, sha256: true },
  });
  if (!document) return null;
  const bytes = await fileStore().get(document.storageKey);
  if (sha256(bytes) !== document.sha256) throw new Error(`document ${document.id} failed its integrity check`);
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId: actor.id, action: "document.download", entity: "Document", entityId: document.id, caseId: document.caseId, ip }),
  );
  return { ...document, bytes };
}
