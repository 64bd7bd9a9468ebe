import "server-only";
import { db } from "@/lib/db";

/** Programmes with how many people each suspension holds (households of proceedings on hold by it). */
export async function programmeHolds() {
  const [programmes, held] = await Promise.all([
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, country: true, status: true, suspendedAt: true } }),
    db.$queryRaw<{ programmeId: string; proceedings: bigint; people: bigint }[]>`
      select p."programmeId"::text as "programmeId", count(*) as proceedings, sum(c."householdSize") as people
      from "Proceeding" p join "Case" c on c.id = p."caseId"
      where p."suspendedFromStage" is not null group by 1`,
  ]);
  const byProgramme = new Map(held.map((h) => [h.programmeId, { proceedings: Number(h.proceedings), people: Number(h.people) }]));
  return programmes.map((p) => ({ ...p, held: byProgramme.get(p.id) ?? { proceedings: 0, people: 0 } }));
}
