import "server-only";
// Staff are named on records by id (who placed a hold, recorded a consent,
// gave access); pages show their names. One query for all of a page's ids.
import { db } from "@/lib/db";

/** The names of these users by id; ids that are null, repeated or unknown are simply absent. */
export async function staffNames(ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
