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
  const programmes = await db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, country: true, status: true, suspendedAt: true } });
  const count = async (where: Prisma.ProceedingWhereInput) => {
    const rows = await db.proceeding.findMany({ where, select: { case: { select: { householdSize: true, team: { select: { name: true } } } } } });
    return { proceedings: rows.length, people: rows.reduce((sum, row) => sum + row.case.householdSize, 0), teams: [...new Set(rows.map((row) => row.case.team.name))].sort() };
  };
  return Promise.all(
    programmes.map(async (programme) => ({ ...programme, wouldHold: await count(holdable(programme.id, actor)), held: await count(releasable(programme.id, actor)) })),
  );
}
