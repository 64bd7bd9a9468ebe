import { currentUser } from "@/lib/auth/current-user";
import { can, caseScope } from "@/lib/policy";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/request-context";
import { subjectAccessExport } from "@/lib/people/subject-requests";

export const dynamic = "force-dynamic";

/** Everything held about one person, as a .zip (supervisors, on the person's request; audited). */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Sign in required", { status: 401 });
  const { id } = await params;
  const person =
    can(user, "person:subject-request") && /^[0-9a-f-]{36}$/i.test(id)
      ? await db.person.findFirst({ where: { id, case: caseScope(user) }, select: { id: true, caseId: true } })
      : null;
  if (!person) return new Response("Not found", { status: 404 });
  const result = await subjectAccessExport(user.id, person.caseId, person.id, await clientIp());
  if (!result) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(result.zip), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${result.fileName}"`, "Cache-Control": "no-store" },
  });
}
