import { currentUser } from "@/lib/auth/current-user";
import { downloadDocument } from "@/lib/documents/queries";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** Downloads one document after the policy check; the same 404 for "no such file" and "not yours". */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Sign in required", { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return NOT_FOUND();
  const document = await downloadDocument(user, id, await clientIp());
  if (!document) return NOT_FOUND();
  return new Response(new Uint8Array(document.bytes), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.bytes.length),
      "Content-Disposition": `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
