import "server-only";
import { db } from "@/lib/db";
import { programmeHoldTeams, type Actor } from "@/lib/policy";

/**
 * Programmes as a supervisor decides on them: each one's status, how many
 * resettlements (and people) a suspension by this supervisor would hold and
 * in which teams, and how many of theirs it holds now.
 */
export async function programmeHolds(actor: Actor) {
  const teams = (await db.team.findMany({ where: programmeHoldTeams(actor), select: { id: true } })).map((t) => t.id);
  // The counts come from the rollup the database keeps by trigger
  // (RollupProgrammeHolds, whose conditions are holdable and releasable in
  // ./suspension): a row per programme, team and state, however many
  // resettlements there are.
  const [programmes, rows] = await Promise.all([
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, country: true, status: true, suspendedAt: true } }),
    db.$queryRaw<{ programmeId: string; held: boolean; team: string; proceedings: number; people: number }[]>`
      select r."programmeId"::text as "programmeId", r.held, t.name as team, r.count as proceedings, r.people
      from "RollupProgrammeHolds" r join "Team" t on t.id = r."teamId"
      where r."teamId" = any(${teams}::uuid[]) and r.count > 0`,
  ]);
  const total = (programmeId: string, held: boolean) => {
    const mine = rows.filter((row) => row.programmeId === programmeId && row.held === held);
    return {
      proceedings: mine.reduce((sum, row) => sum + row.proceedings, 0),
      people: mine.reduce((sum, row) => sum + row.people, 0),
      teams: mine.map((row) => row.team).sort(),
    };
  };
  return programmes.map((programme) => ({ ...programme, wouldHold: total(programme.id, false), held: total(programme.id, true) }));
}
