import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { holdable, releasable } from "./suspension";

/**
 * Programmes as a supervisor decides on them: each one's status, how many
 * resettlements (and people) a suspension by this supervisor would hold and
 * in which teams, and how many of theirs it holds now.
 */
export async function programmeHolds(actor: Actor) {
  // Two queries for the whole list, not two per programme: the dashboard shows every programme.
  const count = async (where: Prisma.ProceedingWhereInput) => {
    const rows = await db.proceeding.findMany({ where, select: { programmeId: true, case: { select: { householdSize: true, team: { select: { name: true } } } } } });
    const byProgramme = new Map<string, { proceedings: number; people: number; teams: string[] }>();
    for (const row of rows) {
      const sum = byProgramme.get(row.programmeId!) ?? { proceedings: 0, people: 0, teams: [] };
      sum.proceedings++;
      sum.people += row.case.householdSize;
      if (!sum.teams.includes(row.case.team.name)) sum.teams.push(row.case.team.name);
      byProgramme.set(row.programmeId!, sum);
    }
    return (id: string) => {
      const sum = byProgramme.get(id) ?? { proceedings: 0, people: 0, teams: [] };
      return { ...sum, teams: [...sum.teams].sort() };
    };
  };
  const [programmes, wouldHold, held] = await Promise.all([
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, country: true, status: true, suspendedAt: true } }),
    count(holdable(null, actor)),
    count(releasable(null, actor)),
  ]);
  return programmes.map((programme) => ({ ...programme, wouldHold: wouldHold(programme.id), held: held(programme.id) }));
}
