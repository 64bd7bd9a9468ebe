import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for monitors and the start script. */
export async function GET() {
  try {
    await db.$queryRaw`select 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
