import { handlers } from "@/lib/auth";
import { currentUser } from "@/lib/auth/current-user";

export const { POST } = handlers;

/**
 * Next-auth's own endpoints, except the session read: next-auth answers it
 * from the cookie alone (name, e-mail, session id), even after the session
 * has ended on the server. Nothing in Waypoint reads it, so it says only
 * whether a live session exists.
 */
export async function GET(request: Request) {
  if (new URL(request.url).pathname.endsWith("/session")) {
    return Response.json((await currentUser()) ? { signedIn: true } : null, { headers: { "cache-control": "no-store" } });
  }
  return handlers.GET(request as never);
}
