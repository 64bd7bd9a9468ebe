"use server";
// Upload of a spreadsheet to import (supervisors): read it to a table of
// text and keep it on an import batch, then go on to map its columns.
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan, supervisesTeam } from "@/lib/policy";
import { fieldErrorsFrom, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { readTable, TableError } from "./read-table";

const MAX_IMPORT_BYTES = 15 * 1024 * 1024;

const uploadSchema = z.object({
  source: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "tooLong" })),
  teamId: z.string({ error: "required" }).uuid({ error: "invalidChoice" }),
});

export async function uploadImportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "case:import");
  const file = formData.get("file");
  const parsed = uploadSchema.safeParse({ source: formData.get("source"), teamId: formData.get("teamId") });
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = "fileRequired";
  else if (file.size > MAX_IMPORT_BYTES) fieldErrors.file = "fileTooLarge";
  if (parsed.success && !supervisesTeam(user, parsed.data.teamId)) fieldErrors.teamId = "invalidChoice";
  if (!parsed.success || Object.keys(fieldErrors).length) return { fieldErrors };
  const upload = file as File;
  let table;
  try {
    table = await readTable(Buffer.from(await upload.arrayBuffer()));
  } catch (error) {
    if (error instanceof TableError) return { fieldErrors: { file: error.message } };
    throw error;
  }
  const fileName = upload.name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 200) || "spreadsheet";
  const batch = await db.$transaction(async (tx) => {
    const created = await tx.importBatch.create({
      data: { teamId: parsed.data.teamId, source: parsed.data.source, fileName, table, rowsTotal: table.rows.length, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "import.preview", entity: "ImportBatch", entityId: created.id, ip: await clientIp(), detail: { step: "upload", rows: table.rows.length, columns: table.headers.length } });
    return created;
  });
  redirect(`/imports/${batch.id}`);
}
