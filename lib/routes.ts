import "server-only";
// The command pipeline for route handlers that change or export data (the
// JSON note API, PDF summaries, person exports): the same steps as server
// actions (lib/commands.ts), answered in HTTP:
//   not signed in → 401; a permission the role lacks, or a case out of
//   reach → 404 (the same answer as a case that does not exist, audited
//   when refused); a body that cannot be read → 400/403/413/415; input that
//   fails its schema → 400 with the field errors; a refusal → 400 (409 for
//   a conflict). Never a 500 for anything the client sent.
import type { z } from "zod";
import { db } from "@/lib/db";
import { rememberWrite } from "@/lib/read-replica";
import { recordAudit } from "@/lib/audit";
import { currentUser, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/policy";
import { cleanField, fieldErrorsFrom } from "@/lib/forms";
import { crossOriginRefusal, readJson } from "@/lib/api";
import { clientIp } from "@/lib/request-context";
import { Refusal } from "@/lib/refusal";
import { openCase, type CaseAccess } from "@/lib/cases/access";

type RouteSpec<Schema extends z.ZodType> = {
  permission: Permission;
  schema: Schema;
  /** How the body is read: JSON (the API), none, or a form post turned into an object by `form`. */
  body: "json" | "none" | { form: (form: FormData) => unknown };
};

export type RouteContext<Input> = { user: CurrentUser; access: CaseAccess; input: Input; ip: string | null };

const notFound = () => Response.json({ error: "not found" }, { status: 404 });

async function readBody(request: Request, body: RouteSpec<z.ZodType>["body"]): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (body === "json") return readJson(request);
  if (body === "none") return { ok: true, value: {} };
  try {
    const form = await request.formData();
    const clean = new FormData();
    for (const [name, value] of form) clean.append(name, typeof value === "string" ? cleanField(name, value) : value);
    return { ok: true, value: body.form(clean) };
  } catch {
    return { ok: false, response: Response.json({ error: "send a form (multipart/form-data or application/x-www-form-urlencoded)" }, { status: 400 }) };
  }
}

/** Runs a route handler that is not about one case (exports of lists and figures). */
export async function apiRoute<Schema extends z.ZodType>(
  request: Request,
  spec: RouteSpec<Schema>,
  handler: (context: Omit<RouteContext<z.infer<Schema>>, "access">) => Promise<Response>,
): Promise<Response> {
  return run(request, spec, async () => ({ ok: true }), (context) => handler(context));
}

/** Runs a route handler on one case; `handler` answers once everything is checked. */
export async function caseRoute<Schema extends z.ZodType>(
  request: Request,
  code: string,
  spec: RouteSpec<Schema>,
  handler: (context: RouteContext<z.infer<Schema>>) => Promise<Response>,
): Promise<Response> {
  let access: CaseAccess | null = null;
  return run(
    request,
    spec,
    async (user, ip) => {
      access = await openCase(user, code, "change", ip);
      return { ok: access !== null };
    },
    (context) => handler({ ...context, access: access! }),
  );
}

async function run<Schema extends z.ZodType>(
  request: Request,
  spec: RouteSpec<Schema>,
  open: (user: CurrentUser, ip: string | null) => Promise<{ ok: boolean }>,
  handler: (context: Omit<RouteContext<z.infer<Schema>>, "access">) => Promise<Response>,
): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "sign in required" }, { status: 401 });
  // Exports and PDFs are posted forms too: another site's page must not make a signed-in browser send one.
  const crossOrigin = crossOriginRefusal(request);
  if (crossOrigin) return crossOrigin;
  const ip = await clientIp();
  const body = await readBody(request, spec.body);
  if (!body.ok) return body.response;
  if (!can(user, spec.permission)) {
    await recordAudit(db, { actorId: user.id, action: "action.refused", entity: "Permission", entityId: spec.permission, ip });
    return notFound();
  }
  if (!(await open(user, ip)).ok) return notFound();
  const parsed = spec.schema.safeParse(body.value);
  if (!parsed.success) return Response.json({ errors: fieldErrorsFrom(parsed.error) }, { status: 400 });
  try {
    const response = await handler({ user, input: parsed.data, ip });
    await rememberWrite();
    return response;
  } catch (error) {
    if (error instanceof Refusal) {
      return Response.json({ error: error.key, ...(error.field ? { field: error.field } : {}) }, { status: error.key === "conflict" ? 409 : 400 });
    }
    throw error;
  }
}
