import { currentUser } from "@/lib/auth/current-user";
import { endSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

/**
 * Open pages call this: `{ "keepAlive": true }` while someone is working on
 * the page (typing a long note makes no requests), `{ "end": "idle" }` when
 * the page has seen no activity for the idle timeout, so the screen clears
 * and the session cannot be picked up again.
 */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return new Response(null, { status: 401 });
  const body = (await request.json().catch(() => ({}))) as { end?: unknown };
  if (body.end === "idle") {
    await endSession(user.sessionId, "idle");
    const ip = await clientIp();
    await db.$transaction((tx) => recordAudit(tx, { actorId: user.id, action: "logout", entity: "User", entityId: user.id, ip, detail: { session: user.sessionId, reason: "idle" } }));
  }
  return new Response(null, { status: 204 });
}
