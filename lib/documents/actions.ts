"use server";
import crypto from "node:crypto";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { personBelongsToCase, visibleCaseOr404 } from "@/lib/cases/queries";
import { toDbDate } from "@/lib/validation/dates";
import { fileStore } from "@/lib/files/store";
import { sha256 } from "@/lib/files/crypto";
import { EXTENSION, sniffContentType } from "@/lib/files/sniff";
import { cleanFileName, documentSchema, MAX_DOCUMENT_BYTES } from "./schema";

export async function uploadDocumentAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "document:upload");
  const target = await visibleCaseOr404(user, code);
  const file = formData.get("file");
  formData.delete("file");
  const parsed = documentSchema.safeParse(formDataToObject(formData));
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = "fileRequired";
  else if (file.size > MAX_DOCUMENT_BYTES) fieldErrors.file = "fileTooLarge";
  if (!parsed.success || Object.keys(fieldErrors).length) return { fieldErrors };
  const upload = file as File;
  const bytes = Buffer.from(await upload.arrayBuffer());
  // The type is read from the bytes: the name and the browser's claim are ignored.
  const contentType = sniffContentType(bytes);
  if (!contentType) return { fieldErrors: { file: "fileTypeNotAllowed" } };
  const input = parsed.data;
  if (!(await personBelongsToCase(target.id, input.personId))) return { fieldErrors: { personId: "invalidChoice" } };
  const storageKey = crypto.randomUUID();
  const store = fileStore();
  await store.put(storageKey, bytes);
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      const document = await tx.document.create({
        data: {
          caseId: target.id,
          personId: input.personId,
          type: input.type,
          number: input.number,
          issuedOn: toDbDate(input.issuedOn),
          expiresOn: toDbDate(input.expiresOn),
          fileName: cleanFileName(upload.name, EXTENSION[contentType]),
          contentType,
          sizeBytes: bytes.length,
          sha256: sha256(bytes),
          storageKey,
          uploadedById: user.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "document.create",
        entity: "Document",
        entityId: document.id,
        caseId: target.id,
        ip,
        detail: { type: input.type, contentType, sizeBytes: bytes.length },
      });
    });
  } catch (error) {
    // No row, no file: remove what was written before the transaction failed.
    await store.remove(storageKey);
    throw error;
  }
  revalidatePath(`/cases/${code}/documents`);
  return { ok: true };
}
