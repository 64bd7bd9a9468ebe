"use server";
// Upload of a spreadsheet to import (supervisors): read it to a table of
// text and keep it on an import batch, then go on to map its columns.
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { supervisesTeam } from "@/lib/policy";
import { command } from "@/lib/commands";
import { type FormState, isUploadedFile } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { readTable } from "./read-table";

const MAX_IMPORT_BYTES = 15 * 1024 * 1024;

const uploadSchema = z.object({
  source: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "tooLong" })),
  teamId: z.string({ error: "required" }).uuid({ error: "invalidChoice" }),
  // The file is checked with the other fields, so every problem shows at once.
  file: z
    .custom<File>((value) => isUploadedFile(value) && value.size > 0, { error: "fileRequired" })
    .refine((file) => file.size <= MAX_IMPORT_BYTES, { error: "fileTooLarge" }),
});

export async function uploadImportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const read = (form: FormData) => ({ source: form.get("source"), teamId: form.get("teamId"), file: form.get("file") });
  return command(formData, { permission: "case:import", schema: uploadSchema, read }, async ({ user, input, audit }) => {
    if (!supervisesTeam(user, input.teamId)) refuse("invalidChoice", "teamId");
    const table = await readTable(Buffer.from(await input.file.arrayBuffer()));
    const fileName = input.file.name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 200) || "spreadsheet";
    const batch = await db.$transaction(async (tx) => {
      const created = await tx.importBatch.create({
        data: { teamId: input.teamId, source: input.source, fileName, table, rowsTotal: table.rows.length, createdById: user.id },
        select: { id: true },
      });
      await audit(tx, { action: "import.preview", entity: "ImportBatch", entityId: created.id, detail: { step: "upload", rows: table.rows.length, columns: table.headers.length } });
      return created;
    });
    redirect(`/imports/${batch.id}`);
  });
}
