import { calendarFeed } from "@/lib/calendar/feed";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

/** The ICS feed: the secret in the URL is the only credential, so an unknown one gets a plain 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = await calendarFeed(token.replace(/\.ics$/, ""), await clientIp());
  if (!feed) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="waypoint.ics"',
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
