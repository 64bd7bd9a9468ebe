// The dashboard's rollups (kept by database triggers, migrations
// 20261201170342_dashboard_rollups, 20261201190014_dashboard_rollups_by_period
// and 20261203040000_programme_holds_rollup)
// against a count of the records themselves, in every bucket (day, month,
// year), after random sequences of the changes the app makes: cases opened,
// edited (status, sensitivity, caseworker, team, nationality, household
// size, opening date), their journeys' entry dates set, cleared or deleted,
// proceedings opened, moved, closed, put in a programme, put on hold (by a
// programme's suspension or by hand) and deleted, stage
// changes recorded (some for a programme's hold), a programme's country
// changed, tasks, hearings and detention added, proceedings moved to another
// case, cases deleted. The copies of a case's team and household size that
// tasks, hearings, detention episodes and proceedings carry are checked the
// same way.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { holdable, releasable } from "@/lib/programmes/suspension";

const NONE = "00000000-0000-0000-0000-000000000000";
const STATUSES = ["OPEN", "ON_HOLD", "CLOSED"] as const;
const SENSITIVITIES = ["STANDARD", "HIGH", "RESTRICTED"] as const;
const NATIONALITIES = ["KP", "VN", "LA"] as const;
const STAGES = [
  { type: "CRIMINAL", stage: "CHARGED" },
  { type: "CRIMINAL", stage: "VERDICT" },
  { type: "UNHCR_RSD", stage: "REGISTERED" },
  { type: "RESETTLEMENT", stage: "SUBMITTED" },
  { type: "TRANSFER_TO_KOREA", stage: "IN_IDC" },
] as const;
// Stage names a stage change may record: DEPARTED counts as a departure, ON_HOLD as a programme's hold.
const MOVES = ["SUBMITTED", "CHECKS", "ON_HOLD", "DEPARTED", "IN_IDC"] as const;

// Dates near the edge of a Bangkok day (UTC 16:59 and 17:00 are 23:59 and 00:00 in Bangkok).
const instant = fc.constantFrom("2026-01-31T16:59:00Z", "2026-01-31T17:00:00Z", "2026-06-15T03:00:00Z", "2025-12-31T20:00:00Z").map((iso) => new Date(iso));
const day = fc.constantFrom("2026-01-31", "2026-02-01", "2025-07-04", null);
const moveDay = fc.constantFrom("2025-12-31", "2026-01-01", "2026-01-31", "2026-02-01", "2026-03-15");

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
  // On hold as a programme's suspension holds it (remembering its stage), or by hand (remembering none).
  fc.record({ kind: fc.constant("hold" as const), at: fc.nat(), bySuspension: fc.boolean() }),
  fc.record({ kind: fc.constant("dropProceeding" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dropCase" as const), at: fc.nat() }),
  // Stage changes are the commonest change: stays and departures need a few in a row.
  { arbitrary: fc.record({ kind: fc.constant("stage" as const), at: fc.nat(), to: fc.constantFrom(...MOVES), on: moveDay, programmeHold: fc.boolean() }), weight: 4 },
  fc.record({ kind: fc.constant("programme" as const), at: fc.nat(), programme: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant("country" as const), programme: fc.nat({ max: 1 }), country: fc.constantFrom("US", "CA", "AU") }),
  fc.record({ kind: fc.constant("task" as const), at: fc.nat(), done: fc.boolean() }),
  fc.record({ kind: fc.constant("hearing" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("detain" as const), at: fc.nat() }),
  // As a merge does: a proceeding (and its hearings) goes to another household.
  fc.record({ kind: fc.constant("rehome" as const), at: fc.nat(), to: fc.nat() }),
  // A household member added, then moved to another household as a merge moves them.
  fc.record({ kind: fc.constant("member" as const), at: fc.nat(), to: fc.nat() }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** What the rollups must hold for these teams: the records counted from scratch. */
async function counted(teams: string[]) {
  return {
    cases: await testDb.$queryRaw`
      select "teamId"::text, status::text, sensitivity::text, coalesce("caseworkerId", ${NONE}::uuid)::text as worker, nationality, count(*)::int as n,
             sum("householdSize")::int as people
      from "Case" where "teamId" = any(${teams}::uuid[]) group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    opened: await testDb.$queryRaw`
      select "teamId"::text, g.grain, g.starts::text as "startsOn", nationality, count(*)::int as households, sum("householdSize")::int as people
      from "Case", lateral (values ('DAY', waypoint_bangkok_day("openedAt")), ('MONTH', date_trunc('month', waypoint_bangkok_day("openedAt"))::date),
                           ('YEAR', date_trunc('year', waypoint_bangkok_day("openedAt"))::date)) g(grain, starts)
      where "teamId" = any(${teams}::uuid[]) group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    arrived: await testDb.$queryRaw`
      select c."teamId"::text, g.grain, g.starts::text as "startsOn", c.nationality, count(*)::int as households, sum(c."householdSize")::int as people
      from "Journey" j join "Case" c on c.id = j."caseId", lateral (values ('DAY', j."entryDate"), ('MONTH', date_trunc('month', j."entryDate")::date), ('YEAR', date_trunc('year', j."entryDate")::date)) g(grain, starts)
      where c."teamId" = any(${teams}::uuid[]) and j."entryDate" is not null
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    // Stays as the dashboard once computed them from the history itself: a
    // stay runs from one move made for the case to the next; a programme's
    // hold and resumption join the stay they interrupted, its days on hold not counted.
    stays: await testDb.$queryRaw`
      with numbered as (
        select sc."proceedingId", p."teamId", p.type, sc."toStage", sc."programmeHold", sc."occurredOn", sc."leftOn",
               sum(case when sc."programmeHold" then 0 else 1 end) over (partition by sc."proceedingId" order by sc.at, sc.id) as stay
        from "StageChange" sc join "Proceeding" p on p.id = sc."proceedingId" where p."teamId" = any(${teams}::uuid[])
      ), stays as (
        select min("teamId"::text) as team, min(type::text) as type, min("toStage") filter (where not "programmeHold") as stage,
               sum("leftOn" - "occurredOn") filter (where not ("programmeHold" and "toStage" = 'ON_HOLD')) as days,
               bool_and("leftOn" is not null) as ended, max("leftOn") as "endedOn"
        from numbered group by "proceedingId", stay
      )
      select team as "teamId", g.grain, g.starts::text as "startsOn", type, stage, days::int, count(*)::int as n
      from stays, lateral (values ('DAY', "endedOn"), ('MONTH', date_trunc('month', "endedOn")::date), ('YEAR', date_trunc('year', "endedOn")::date), ('ALL', '-infinity'::date)) g(grain, starts)
      where ended and stage is not null group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
    departed: await testDb.$queryRaw`
      select p."teamId"::text, g.grain, g.starts::text as "startsOn", case when p.type = 'TRANSFER_TO_KOREA' then 'KR' else coalesce(pr.country, '??') end as destination,
             count(*)::int as households, sum(c."householdSize")::int as people
      from "StageChange" sc join "Proceeding" p on p.id = sc."proceedingId" join "Case" c on c.id = p."caseId" left join "Programme" pr on pr.id = p."programmeId",
           lateral (values ('DAY', sc."occurredOn"), ('MONTH', date_trunc('month', sc."occurredOn")::date), ('YEAR', date_trunc('year', sc."occurredOn")::date)) g(grain, starts)
      where p."teamId" = any(${teams}::uuid[]) and sc."toStage" = 'DEPARTED' and p.type in ('TRANSFER_TO_KOREA', 'RESETTLEMENT')
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    // Every task carries its case's team.
    tasks: await testDb.$queryRaw`
      select c."teamId"::text, count(*)::int as n from "Task" t join "Case" c on c.id = t."caseId"
      where c."teamId" = any(${teams}::uuid[]) group by 1 order by 1`,
    // Every hearing carries its case's team.
    hearings: await testDb.$queryRaw`
      select h.id::text, c."teamId"::text from "Hearing" h join "Proceeding" p on p.id = h."proceedingId" join "Case" c on c.id = p."caseId"
      where c."teamId" = any(${teams}::uuid[]) order by 1`,
    // Every detention episode carries its case's team.
    detentions: await testDb.$queryRaw`
      select d.id::text, c."teamId"::text from "DetentionEpisode" d join "Case" c on c.id = d."caseId"
      where c."teamId" = any(${teams}::uuid[]) order by 1`,
    // Every person carries their case's team.
    people: await testDb.$queryRaw`
      select p.id::text, c."teamId"::text from "Person" p join "Case" c on c.id = p."caseId"
      where c."teamId" = any(${teams}::uuid[]) order by 1`,
    // Every proceeding carries its case's team and household size.
    proceedingCopies: await testDb.$queryRaw`
      select p.id::text, c."teamId"::text, c."householdSize" from "Proceeding" p join "Case" c on c.id = p."caseId"
      where c."teamId" = any(${teams}::uuid[]) order by 1`,
    proceedings: await testDb.$queryRaw`
      select "teamId"::text, type::text, stage, count(*)::int as n from "Proceeding"
      where "teamId" = any(${teams}::uuid[]) and not closed group by 1, 2, 3 order by 1, 2, 3`,
    // A programme's resettlements a suspension would hold (held: false) and holds now (held: true),
    // selected as the suspension itself selects them (lib/programmes/suspension).
    programmeHolds: await programmeHoldsCounted(teams),
  };
}

/** Each team's and programme's resettlements by the suspension's own selection (holdable, releasable), with their people. */
async function programmeHoldsCounted(teams: string[]) {
  const rows: { teamId: string; programmeId: string; held: boolean; n: number; people: number }[] = [];
  const programmes = await testDb.proceeding.findMany({ where: { teamId: { in: teams }, programmeId: { not: null } }, distinct: ["programmeId"], select: { programmeId: true } });
  const everyone = { id: NONE, role: "SUPERVISOR" as const, teamId: null, organisationWide: true };
  for (const teamId of teams) {
    for (const { programmeId } of programmes) {
      for (const held of [false, true]) {
        const where = { AND: [{ teamId }, held ? releasable(programmeId, everyone) : holdable(programmeId, everyone)] };
        const found = await testDb.proceeding.aggregate({ where, _count: true, _sum: { householdSize: true } });
        if (found._count > 0) rows.push({ teamId, programmeId: programmeId!, held, n: found._count, people: found._sum.householdSize ?? 0 });
      }
    }
  }
  return rows.sort((a, b) => `${a.teamId} ${a.programmeId} ${a.held}`.localeCompare(`${b.teamId} ${b.programmeId} ${b.held}`));
}

/** What the rollups hold for these teams (rows that fell to zero left out). */
async function rolledUp(teams: string[]) {
  return {
    cases: await testDb.$queryRaw`
      select "teamId"::text, status::text, sensitivity::text, "caseworkerId"::text as worker, nationality, count as n, people
      from "RollupCaseCount" where "teamId" = any(${teams}::uuid[]) and (count <> 0 or people <> 0) order by 1, 2, 3, 4, 5`,
    opened: await testDb.$queryRaw`
      select "teamId"::text, grain::text, "startsOn"::text, nationality, households, people
      from "RollupNewCases" where "teamId" = any(${teams}::uuid[]) and (households <> 0 or people <> 0) order by 1, 2, 3, 4`,
    arrived: await testDb.$queryRaw`
      select "teamId"::text, grain::text, "startsOn"::text, nationality, households, people
      from "RollupArrivals" where "teamId" = any(${teams}::uuid[]) and (households <> 0 or people <> 0) order by 1, 2, 3, 4`,
    stays: await testDb.$queryRaw`
      select "teamId"::text, grain::text, "startsOn"::text, type::text, stage, days, stays as n
      from "RollupStays" where "teamId" = any(${teams}::uuid[]) and stays <> 0 order by 1, 2, 3, 4, 5, 6`,
    departed: await testDb.$queryRaw`
      select "teamId"::text, grain::text, "startsOn"::text, destination, households, people
      from "RollupDepartures" where "teamId" = any(${teams}::uuid[]) and (households <> 0 or people <> 0) order by 1, 2, 3, 4`,
    tasks: await testDb.$queryRaw`
      select "teamId"::text, count(*)::int as n from "Task" where "teamId" = any(${teams}::uuid[]) group by 1 order by 1`,
    hearings: await testDb.$queryRaw`
      select id::text, "teamId"::text from "Hearing" where "teamId" = any(${teams}::uuid[]) order by 1`,
    detentions: await testDb.$queryRaw`
      select id::text, "teamId"::text from "DetentionEpisode" where "teamId" = any(${teams}::uuid[]) order by 1`,
    people: await testDb.$queryRaw`
      select id::text, "teamId"::text from "Person" where "teamId" = any(${teams}::uuid[]) order by 1`,
    proceedingCopies: await testDb.$queryRaw`
      select id::text, "teamId"::text, "householdSize" from "Proceeding" where "teamId" = any(${teams}::uuid[]) order by 1`,
    proceedings: await testDb.$queryRaw`
      select "teamId"::text, type::text, stage, count as n
      from "RollupOpenProceedings" where "teamId" = any(${teams}::uuid[]) and count <> 0 order by 1, 2, 3`,
    programmeHolds: await testDb.$queryRaw`
      select "teamId"::text, "programmeId"::text, held, count as n, people
      from "RollupProgrammeHolds" where "teamId" = any(${teams}::uuid[]) and (count <> 0 or people <> 0) order by 1, 2, 3`,
  };
}

describe("dashboard rollups", () => {
  it("equal a count of the records after any sequence of changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 5, maxLength: 30 }), async (changes: Change[]) => {
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
        const programmes = [
          (await testDb.programme.create({ data: { name: `Rollup programme ${tag()}`, country: "US" } })).id,
          (await testDb.programme.create({ data: { name: `Rollup programme ${tag()}`, country: "CA" } })).id,
        ];
        const pick = (list: string[], at: number) => list[at % list.length];
        const court = (await testDb.court.create({ data: { name: `Rollup court ${tag()}` } })).id;
        const facility = (await testDb.facility.findFirstOrThrow({ select: { id: true } })).id;
        const hearing = (proceedingId: string) =>
          testDb.hearing.create({ data: { proceedingId, courtId: court, startsAt: new Date("2026-02-01T03:00:00Z"), purpose: "FIRST_HEARING" } });
        // Each household already departed (a resettlement in a programme, or a transfer to Korea) after one stay.
        for (const [i, caseId] of cases.entries()) {
          const { type, stage } = STAGES[3 + (i % 2)];
          const proceeding = await testDb.proceeding.create({ data: { caseId, type, stage, programmeId: type === "RESETTLEMENT" ? programmes[0] : null } });
          for (const [toStage, on] of [[stage, "2025-12-20"], ["DEPARTED", "2026-01-10"]]) {
            await testDb.stageChange.create({ data: { proceedingId: proceeding.id, toStage, occurredOn: new Date(`${on}T00:00:00Z`), reason: "test", actorId: actor.id } });
          }
          await hearing(proceeding.id);
          proceedings.push(proceeding.id);
        }
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
            const proceeding = await testDb.proceeding.create({ data: { caseId: pick(cases, c.at), type, stage } });
            await hearing(proceeding.id);
            proceedings.push(proceeding.id);
          } else if (c.kind === "move" && proceedings.length) {
            await testDb.proceeding.update({ where: { id: pick(proceedings, c.at) }, data: { stage: STAGES[c.stage].stage, closed: c.closed } });
          } else if (c.kind === "hold" && proceedings.length) {
            const id = pick(proceedings, c.at);
            const { stage } = await testDb.proceeding.findUniqueOrThrow({ where: { id }, select: { stage: true } });
            await testDb.proceeding.update({ where: { id }, data: { stage: "ON_HOLD", suspendedFromStage: c.bySuspension && stage !== "ON_HOLD" ? stage : null } });
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
          } else if (c.kind === "stage" && proceedings.length) {
            const proceedingId = pick(proceedings, c.at);
            await testDb.stageChange.create({
              data: { proceedingId, toStage: c.to, occurredOn: new Date(`${c.on}T00:00:00Z`), reason: "test", actorId: actor.id, programmeHold: c.programmeHold },
            });
          } else if (c.kind === "programme" && proceedings.length) {
            await testDb.proceeding.update({ where: { id: pick(proceedings, c.at) }, data: { programmeId: programmes[c.programme] ?? null } });
          } else if (c.kind === "country") {
            await testDb.programme.update({ where: { id: programmes[c.programme] }, data: { country: c.country } });
          } else if (c.kind === "task") {
            await testDb.task.create({ data: { caseId: pick(cases, c.at), title: "test", dueOn: new Date("2026-01-05T00:00:00Z"), origin: "PERSON", completedAt: c.done ? new Date() : null } });
          } else if (c.kind === "detain") {
            const caseId = pick(cases, c.at);
            const person = await testDb.person.findFirstOrThrow({ where: { caseId }, select: { id: true } });
            await testDb.detentionEpisode.create({ data: { caseId, personId: person.id, facilityId: facility, startedOn: new Date("2026-01-20T00:00:00Z") } });
          } else if (c.kind === "hearing" && proceedings.length) {
            await hearing(pick(proceedings, c.at));
          } else if (c.kind === "member") {
            const member = await testDb.person.create({ data: { caseId: pick(cases, c.at), relationship: "CHILD", latinName: `Member ${tag()}`, nationality: "VN", searchText: "" } });
            await testDb.person.update({ where: { id: member.id }, data: { caseId: pick(cases, c.to) } });
          } else if (c.kind === "rehome" && proceedings.length) {
            await testDb.proceeding.update({ where: { id: pick(proceedings, c.at) }, data: { caseId: pick(cases, c.to) } });
          }
        }
        expect(await rolledUp(teams)).toEqual(await counted(teams));
        // The test's programmes go with the cases (nothing else refers to them).
        await testDb.proceeding.updateMany({ where: { programmeId: { in: programmes } }, data: { programmeId: null } });
        await testDb.programme.deleteMany({ where: { id: { in: programmes } } });
        await testDb.hearing.deleteMany({ where: { courtId: court } });
        await testDb.court.delete({ where: { id: court } });
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
