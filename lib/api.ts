import "server-only";
// Shared rules for the JSON API routes that change data (used by partner
// tools, the load test and the fault test): the session cookie signs the
// request in; a JSON content type and, when the browser sends one, a
// same-origin Origin header keep other sites from writing through a
// signed-in browser; bodies are small.
import { cleanField } from "@/lib/forms";
import { sameOrigin } from "@/lib/security/same-origin";

const MAX_JSON_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** A 403 for a request another site's page made through a signed-in browser; null when it is this site's own. */
export function crossOriginRefusal(request: Request): Response | null {
  return sameOrigin(request) ? null : Response.json({ error: "cross-origin request refused" }, { status: 403 });
}

export async function readJson(request: Request): Promise<JsonBody> {
  const refused = crossOriginRefusal(request);
  if (refused) return { ok: false, response: refused };
  if (!request.headers.get("content-type")?.startsWith("application/json")) return { ok: false, response: Response.json({ error: "send application/json" }, { status: 415 }) };
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) return { ok: false, response: Response.json({ error: "body too large" }, { status: 413 }) };
  try {
    // PostgreSQL text cannot hold NUL: dropped from every string, as from forms.
    return { ok: true, value: JSON.parse(text, (key, value) => (typeof value === "string" ? cleanField(key, value) : value)) };
  } catch {
    return { ok: false, response: Response.json({ error: "invalid JSON" }, { status: 400 }) };
  }
}
