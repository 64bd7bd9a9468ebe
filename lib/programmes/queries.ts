import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { programmeHoldTeams, type Actor } from "@/lib/policy";
import { HOLDABLE_SQL, RELEASABLE_SQL } from "./suspension";

/**
 * Programmes as a supervisor decides on them: each one's status, how many
 * resettlements (and people) a suspension by this supervisor would hold and
 * in which teams, and how many of theirs it holds now.
 */
export async function programmeHolds(actor: Actor) {
  const teams = (await db.team.findMany({ where: programmeHoldTeams(actor), select: { id: true } })).map((t) => t.id);
  // One aggregate per list over every programme (the dashboard shows them
  // all), from the team and household size each proceeding carries.
  const count = async (condition: Prisma.Sql) => {
    const rows = await db.$queryRaw<{ programmeId: string; team: string; proceedings: number; people: number }[]>`
      select p."programmeId"::text as "programmeId", t.name as team, count(*)::int as proceedings, sum(p."householdSize")::int as people
      from "Proceeding" p join "Team" t on t.id = p."teamId"
      where p."teamId" = any(${teams}::uuid[]) and p."programmeId" is not null and ${condition}
      group by 1, 2`;
    return (id: string) => {
      const mine = rows.filter((row) => row.programmeId === id);
      return {
        proceedings: mine.reduce((sum, row) => sum + row.proceedings, 0),
        people: mine.reduce((sum, row) => sum + row.people, 0),
        teams: mine.map((row) => row.team).sort(),
      };
    };
  };
  const [programmes, wouldHold, held] = await Promise.all([
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, country: true, status: true, suspendedAt: true } }),
    count(HOLDABLE_SQL),
    count(RELEASABLE_SQL),
  ]);
  return programmes.map((programme) => ({ ...programme, wouldHold: wouldHold(programme.id), held: held(programme.id) }));
}
