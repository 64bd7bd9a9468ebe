import { z } from "@/lib/zod";
import { caseRoute } from "@/lib/routes";
import { caseCodeOf } from "@/lib/cases/access";
import { subjectAccessExport } from "@/lib/people/subject-requests";

export const dynamic = "force-dynamic";

/** Everything held about one person, as a .zip (supervisors, on the person's request; audited). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const code = (await caseCodeOf("person", id)) ?? "";
  return caseRoute(request, code, { permission: "person:subject-request", schema: z.object({}), body: "none" }, async ({ access, ip }) => {
    const result = await subjectAccessExport(access, id, ip);
    if (!result) return Response.json({ error: "not found" }, { status: 404 });
    return new Response(new Uint8Array(result.zip), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${result.fileName}"`, "Cache-Control": "no-store" },
    });
  });
}
