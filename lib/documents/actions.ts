"use server";
import crypto from "node:crypto";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import { formDataToObject, type FormState, isUploadedFile } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { personBelongsToCase } from "@/lib/cases/queries";
import { fileStore } from "@/lib/files/app-store";
import { sha256 } from "@/lib/files/crypto";
import { EXTENSION, sniffContentType } from "@/lib/files/sniff";
import { cleanFileName, documentSchema, MAX_DOCUMENT_BYTES } from "./schema";
import { dbDate } from "@/lib/dates";

// The file is checked with the other fields, so every problem shows at once.
const uploadSchema = documentSchema.extend({
  file: z
    .custom<File>((value) => isUploadedFile(value) && value.size > 0, { error: "fileRequired" })
    .refine((file) => file.size <= MAX_DOCUMENT_BYTES, { error: "fileTooLarge" }),
});

function readUpload(formData: FormData) {
  const file = formData.get("file");
  const fields = new FormData();
  for (const [name, value] of formData) if (name !== "file") fields.append(name, value);
  return { ...formDataToObject(fields), file };
}

export async function uploadDocumentAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "document:upload", schema: uploadSchema, read: readUpload }, async ({ access, input, audit }) => {
    const bytes = Buffer.from(await input.file.arrayBuffer());
    // The type is read from the bytes: the name and the browser's claim are ignored.
    const contentType = sniffContentType(bytes);
    if (!contentType) refuse("fileTypeNotAllowed", "file");
    if (!(await personBelongsToCase(access, input.personId))) refuse("invalidChoice", "personId");
    const storageKey = crypto.randomUUID();
    const store = fileStore();
    await store.put(storageKey, bytes);
    try {
      await db.$transaction(async (tx) => {
        const document = await tx.document.create({
          data: {
            caseId: access.caseId,
            personId: input.personId,
            type: input.type,
            number: input.number,
            issuedOn: dbDate(input.issuedOn),
            expiresOn: dbDate(input.expiresOn),
            fileName: cleanFileName(input.file.name, EXTENSION[contentType]),
            contentType,
            sizeBytes: bytes.length,
            sha256: sha256(bytes),
            storageKey,
            uploadedById: access.actor.id,
          },
          select: { id: true },
        });
        await audit(tx, { action: "document.create", entity: "Document", entityId: document.id, detail: { type: input.type, contentType, sizeBytes: bytes.length } });
      });
    } catch (error) {
      // No row, no file: remove what was written before the transaction failed.
      await store.remove(storageKey);
      throw error;
    }
  });
}
