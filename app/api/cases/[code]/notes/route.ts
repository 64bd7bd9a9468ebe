import { caseRoute } from "@/lib/routes";
import { noteSchema } from "@/lib/notes/schema";
import { addNote } from "@/lib/notes/add-note";

export const dynamic = "force-dynamic";

/**
 * Adds a note to a case: `{ "kind": "CALL", "body": "…", "confidential": false, "idempotencyKey": "<uuid>" }`.
 * Same rules and audit as the form. 201 with the new note's id; 200 with the
 * same id when a note with that idempotency key was already saved (a retry).
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return caseRoute(request, code, { permission: "note:create", schema: noteSchema, body: "json" }, async ({ access, input, ip }) => {
    const note = await addNote(access, input, ip);
    return Response.json({ id: note.id }, { status: note.created ? 201 : 200 });
  });
}
