import "server-only";
// What the import API routes share: the signed-in supervisor's batch, the
// posted column mapping, and error messages in the reader's language.
import { getTranslations } from "@/lib/i18n/server";
import { z } from "@/lib/zod";
import { currentUser, type CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { readJson } from "@/lib/api";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { importBatch } from "./imports";
import { mappingSchema } from "./rows";

export async function batchForRequest(id: string): Promise<{ ok: true; user: CurrentUser; batch: NonNullable<Awaited<ReturnType<typeof importBatch>>> } | { ok: false; response: Response }> {
  const user = await currentUser();
  if (!user) return { ok: false, response: new Response("Sign in required", { status: 401 }) };
  const batch = can(user, "case:import") ? await importBatch(user, id) : null;
  if (!batch) return { ok: false, response: new Response("Not found", { status: 404 }) };
  return { ok: true, user, batch };
}

const requestSchema = z.object({
  mapping: mappingSchema,
  mode: z.enum(["all", "valid"]).default("all"),
  skipDuplicates: z.boolean().default(true),
});
export type ImportRequest = z.output<typeof requestSchema>;

export async function readImportRequest(request: Request): Promise<{ ok: true; value: ImportRequest } | { ok: false; response: Response }> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const parsed = requestSchema.safeParse(body.value);
  if (!parsed.success) return { ok: false, response: Response.json({ error: "invalid request" }, { status: 400 }) };
  return { ok: true, value: parsed.data };
}

/** Error keys as sentences, for the preview and the error report. */
export async function describer(): Promise<(key: string) => string> {
  const t = await getTranslations("errors");
  return (key) => (t.has(key) ? t(key) : key);
}

type Batch = NonNullable<Awaited<ReturnType<typeof importBatch>>>;

/** Keeps the mapping for the source's next file and audits the check (counts only), in one transaction. */
export async function keepMappingAfterCheck(
  user: CurrentUser,
  batch: Batch,
  mapping: ImportRequest["mapping"],
  counts: { rows: number; valid: number; rowsWithErrors: number; possibleDuplicates: number },
  ip: string | null,
) {
  await db.$transaction(async (tx) => {
    await tx.importMapping.upsert({
      where: { source: batch.source },
      create: { source: batch.source, columns: mapping, updatedById: user.id },
      update: { columns: mapping, updatedById: user.id },
    });
    await recordAudit(tx, { actorId: user.id, action: "import.preview", entity: "ImportBatch", entityId: batch.id, ip, detail: { step: "check", ...counts } });
  });
}

/** Records a download of a batch's error report. */
export async function auditImportReport(user: CurrentUser, batch: Batch, ip: string | null) {
  await recordAudit(db, { actorId: user.id, action: "import.report", entity: "ImportBatch", entityId: batch.id, ip, detail: { rows: batch.rowsRejected } });
}
