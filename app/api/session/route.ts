import { currentUser } from "@/lib/auth/current-user";
import { endIdleSession } from "@/lib/auth/sessions";
import { clientIp } from "@/lib/request-context";
import { crossOriginRefusal } from "@/lib/api";

export const dynamic = "force-dynamic";

/**
 * Open pages call this: `{ "keepAlive": true }` while someone is working on
 * the page (typing a long note makes no requests), `{ "end": "idle" }` when
 * the page has seen no activity for the idle timeout, so the screen clears
 * and the session cannot be picked up again.
 */
export async function POST(request: Request) {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const user = await currentUser();
  if (!user) return new Response(null, { status: 401 });
  const body = (await request.json().catch(() => ({}))) as { end?: unknown };
  if (body.end === "idle") await endIdleSession(user, await clientIp());
  return new Response(null, { status: 204 });
}
