import { caseRoute } from "@/lib/routes";
import { noteSchema } from "@/lib/notes/schema";
import { addNote } from "@/lib/notes/add-note";

export const dynamic = "force-dynamic";

/** Adds a note to a case: `{ "kind": "CALL", "body": "…", "confidential": false }`. Same rules and audit as the form. */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return caseRoute(request, code, { permission: "note:create", schema: noteSchema, body: "json" }, async ({ access, input, ip }) => {
    const note = await addNote(access, input, ip);
    return Response.json({ id: note.id }, { status: 201 });
  });
}
