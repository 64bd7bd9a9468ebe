// The dashboard's rollups (kept by database triggers, migration
// 20261201170342_dashboard_rollups) against a count of the records
// themselves, after random sequences of the changes the app makes: cases
// opened, edited (status, sensitivity, caseworker, team, nationality,
// household size, opening date), their journeys' entry dates set, cleared
// or deleted, proceedings opened, moved, closed and deleted, cases deleted.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";

const NONE = "00000000-0000-0000-0000-000000000000";
const STATUSES = ["OPEN", "ON_HOLD", "CLOSED"] as const;
const SENSITIVITIES = ["STANDARD", "HIGH", "RESTRICTED"] as const;
const NATIONALITIES = ["KP", "VN", "LA"] as const;
const STAGES = [
  { type: "CRIMINAL", stage: "CHARGED" },
  { type: "CRIMINAL", stage: "VERDICT" },
  { type: "UNHCR_RSD", stage: "REGISTERED" },
] as const;

// Dates near the edge of a Bangkok day (UTC 16:59 and 17:00 are 23:59 and 00:00 in Bangkok).
const instant = fc.constantFrom("2026-01-31T16:59:00Z", "2026-01-31T17:00:00Z", "2026-06-15T03:00:00Z", "2025-12-31T20:00:00Z").map((iso) => new Date(iso));
const day = fc.constantFrom("2026-01-31", "2026-02-01", "2025-07-04", null);

const change = fc.oneof(
  fc.record({ kind: fc.constant("open" as const), nationality: fc.constantFrom(...NATIONALITIES) }),
  fc.record({
    kind: fc.constant("edit" as const),
    at: fc.nat(),
    fields: fc.record(
      {
        status: fc.constantFrom(...STATUSES),
        sensitivity: fc.constantFrom(...SENSITIVITIES),
        worker: fc.nat({ max: 2 }),
        team: fc.nat({ max: 1 }),
        nationality: fc.constantFrom(...NATIONALITIES),
        householdSize: fc.integer({ min: 1, max: 6 }),
        openedAt: instant,
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ kind: fc.constant("entry" as const), at: fc.nat(), day }),
  fc.record({ kind: fc.constant("dropJourney" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("proceeding" as const), at: fc.nat(), stage: fc.nat({ max: STAGES.length - 1 }) }),
  fc.record({ kind: fc.constant("move" as const), at: fc.nat(), stage: fc.nat({ max: STAGES.length - 1 }), closed: fc.boolean() }),
  fc.record({ kind: fc.constant("dropProceeding" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dropCase" as const), at: fc.nat() }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** What the rollups must hold for these teams: the records counted from scratch. */
async function counted(teams: string[]) {
  return {
    cases: await testDb.$queryRaw`
      select "teamId"::text, status::text, sensitivity::text, coalesce("caseworkerId", ${NONE}::uuid)::text as worker, count(*)::int as n
      from "Case" where "teamId" = any(${teams}::uuid[]) group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    opened: await testDb.$queryRaw`
      select "teamId"::text, waypoint_bangkok_day("openedAt")::text as day, nationality, count(*)::int as households, sum("householdSize")::int as people
      from "Case" where "teamId" = any(${teams}::uuid[]) group by 1, 2, 3 order by 1, 2, 3`,
    arrived: await testDb.$queryRaw`
      select c."teamId"::text, j."entryDate"::text as day, c.nationality, count(*)::int as households, sum(c."householdSize")::int as people
      from "Journey" j join "Case" c on c.id = j."caseId" where c."teamId" = any(${teams}::uuid[]) and j."entryDate" is not null
      group by 1, 2, 3 order by 1, 2, 3`,
    proceedings: await testDb.$queryRaw`
      select "teamId"::text, type::text, stage, count(*)::int as n from "Proceeding"
      where "teamId" = any(${teams}::uuid[]) and not closed group by 1, 2, 3 order by 1, 2, 3`,
  };
}

/** What the rollups hold for these teams (rows that fell to zero left out). */
async function rolledUp(teams: string[]) {
  return {
    cases: await testDb.$queryRaw`
      select "teamId"::text, status::text, sensitivity::text, "caseworkerId"::text as worker, count as n
      from "RollupCaseCount" where "teamId" = any(${teams}::uuid[]) and count <> 0 order by 1, 2, 3, 4`,
    opened: await testDb.$queryRaw`
      select "teamId"::text, day::text, nationality, households, people
      from "RollupNewCases" where "teamId" = any(${teams}::uuid[]) and (households <> 0 or people <> 0) order by 1, 2, 3`,
    arrived: await testDb.$queryRaw`
      select "teamId"::text, day::text, nationality, households, people
      from "RollupArrivals" where "teamId" = any(${teams}::uuid[]) and (households <> 0 or people <> 0) order by 1, 2, 3`,
    proceedings: await testDb.$queryRaw`
      select "teamId"::text, type::text, stage, count as n
      from "RollupOpenProceedings" where "teamId" = any(${teams}::uuid[]) and count <> 0 order by 1, 2, 3`,
  };
}

describe("dashboard rollups", () => {
  it("equal a count of the records after any sequence of changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 30 }), async (changes: Change[]) => {
        const teams = [(await makeTeam("Rollup A")).id, (await makeTeam("Rollup B")).id];
        const workers = [(await makeUser("CASEWORKER", teams[0])).id, (await makeUser("CASEWORKER", teams[1])).id, null];
        const actor = await makeUser("SUPERVISOR", teams[0]);
        // Three households to begin with, each with an arrival date, so every change has something to act on.
        const cases: string[] = [];
        for (const nationality of NATIONALITIES) {
          const created = await makeCase({ teamId: teams[0], caseworkerId: workers[0], actorId: actor.id, principal: { latinName: `Rollup ${tag()}`, nationality } });
          await testDb.journey.update({ where: { caseId: created.id }, data: { entryDate: new Date("2026-01-31T00:00:00Z") } });
          cases.push(created.id);
        }
        const proceedings: string[] = [];
        const pick = (list: string[], at: number) => list[at % list.length];
        for (const c of changes) {
          if (c.kind === "open") {
            const created = await makeCase({ teamId: teams[0], caseworkerId: workers[0], actorId: actor.id, principal: { latinName: `Rollup ${tag()}`, nationality: c.nationality } });
            cases.push(created.id);
          } else if (!cases.length) {
            continue;
          } else if (c.kind === "edit") {
            const { worker, team, ...rest } = c.fields;
            await testDb.case.update({
              where: { id: pick(cases, c.at) },
              data: { ...rest, ...(worker !== undefined ? { caseworkerId: workers[worker] } : {}), ...(team !== undefined ? { teamId: teams[team] } : {}) },
            });
          } else if (c.kind === "entry") {
            const caseId = pick(cases, c.at);
            const entryDate = c.day ? new Date(`${c.day}T00:00:00Z`) : null;
            await testDb.journey.upsert({ where: { caseId }, create: { caseId, entryDate }, update: { entryDate } });
          } else if (c.kind === "dropJourney") {
            await testDb.journey.deleteMany({ where: { caseId: pick(cases, c.at) } });
          } else if (c.kind === "proceeding") {
            const { type, stage } = STAGES[c.stage];
            proceedings.push((await testDb.proceeding.create({ data: { caseId: pick(cases, c.at), type, stage } })).id);
          } else if (c.kind === "move" && proceedings.length) {
            await testDb.proceeding.update({ where: { id: pick(proceedings, c.at) }, data: { stage: STAGES[c.stage].stage, closed: c.closed } });
          } else if (c.kind === "dropProceeding" && proceedings.length) {
            const id = pick(proceedings, c.at);
            await testDb.proceeding.delete({ where: { id } });
            proceedings.splice(proceedings.indexOf(id), 1);
          } else if (c.kind === "dropCase") {
            const id = pick(cases, c.at);
            const gone = (await testDb.proceeding.findMany({ where: { caseId: id }, select: { id: true } })).map((p) => p.id);
            await testDb.case.delete({ where: { id } });
            cases.splice(cases.indexOf(id), 1);
            for (const p of gone) proceedings.splice(proceedings.indexOf(p), 1);
          }
        }
        expect(await rolledUp(teams)).toEqual(await counted(teams));
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
