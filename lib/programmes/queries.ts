import "server-only";
import { db } from "@/lib/db";
import { readOnKeptPlan } from "@/lib/prisma-client";
import { programmeHoldTeamIds, type Actor } from "@/lib/policy";
import { Prisma, type ProgrammeStatus } from "@/lib/generated/prisma/client";

/**
 * Programmes as a supervisor decides on them: each one's status, how many
 * resettlements (and people) a suspension by this supervisor would hold and
 * in which teams, and how many of theirs it holds now.
 */
export async function programmeHolds(actor: Actor) {
  // The teams by id (programmeHoldTeamIds), not read first: a statement less.
  const teams = programmeHoldTeamIds(actor);
  const inTeams = teams === "every" ? Prisma.sql`true` : Prisma.sql`r."teamId" = any(${[...teams]}::uuid[])`;
  // The counts come from the rollup the database keeps by trigger
  // (RollupProgrammeHolds, whose conditions are holdable and releasable in
  // ./suspension): a row per programme, team and state, however many
  // resettlements there are. Each programme with its rows, in one statement
  // (each statement is a round trip, and the dashboard makes several).
  // On the kept plan (readOnKeptPlan): PostgreSQL judged the generic plan
  // dearer than its own and planned the statement at every call, 0.26–0.5 ms
  // of planning for 0.08 ms of work on the bench (a handful of programmes,
  // a row per programme, team and state).
  type Row = { id: string; name: string; names: unknown; country: string; status: ProgrammeStatus; suspendedAt: Date | null; counts: { held: boolean; team: string; proceedings: number; people: number }[] };
  const programmes = await readOnKeptPlan(db, (client) => client.$queryRaw<Row[]>`
    select p.id::text as id, p.name, p.names, p.country, p.status::text as status, p."suspendedAt",
      (select coalesce(json_agg(json_build_object('held', r.held, 'team', t.name, 'proceedings', r.count, 'people', r.people)), '[]'::json)
       from "RollupProgrammeHolds" r join "Team" t on t.id = r."teamId"
       where r."programmeId" = p.id and ${inTeams} and r.count > 0) as counts
    from "Programme" p order by p.name`);
  const total = (counts: (typeof programmes)[number]["counts"], held: boolean) => {
    const mine = counts.filter((row) => row.held === held);
    return {
      proceedings: mine.reduce((sum, row) => sum + row.proceedings, 0),
      people: mine.reduce((sum, row) => sum + row.people, 0),
      teams: mine.map((row) => row.team).sort(),
    };
  };
  return programmes.map(({ counts, ...programme }) => ({ ...programme, wouldHold: total(counts, false), held: total(counts, true) }));
}
