import "server-only";
// What the import API routes share: the signed-in supervisor's batch, the
// posted column mapping, and error messages in the reader's language.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser, type CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { readJson } from "@/lib/api";
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
