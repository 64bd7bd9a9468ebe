import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { visibleCase } from "@/lib/cases/queries";
import { readJson } from "@/lib/api";
import { fieldErrorsFrom } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { noteSchema } from "@/lib/notes/schema";
import { addNote } from "@/lib/notes/add-note";

export const dynamic = "force-dynamic";

/** Adds a note to a case: `{ "kind": "CALL", "body": "…", "confidential": false }`. Same rules and audit as the form. */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "sign in required" }, { status: 401 });
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const { code } = await params;
  const target = can(user, "note:create") ? await visibleCase(user, code) : null;
  if (!target) return Response.json({ error: "not found" }, { status: 404 });
  const parsed = noteSchema.safeParse(body.value);
  if (!parsed.success) return Response.json({ errors: fieldErrorsFrom(parsed.error) }, { status: 400 });
  const note = await addNote(user, target.id, parsed.data, await clientIp());
  return Response.json({ id: note.id }, { status: 201 });
}
