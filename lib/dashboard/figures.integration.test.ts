import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, pageViewsFrom, tag, testDb } from "@/tests/fixtures";
import { writePageView } from "@/lib/page-views";
import type { Actor } from "@/lib/policy";
import { addCalendarDays, todayInBangkok } from "@/lib/dates";
import { dashboardFigures, figureTeams, perYear, type DashboardFigures } from "./figures";

// A hand-built team whose every figure is known in advance.
let supervisor: Actor;
let figures: DashboardFigures;
let codes: Record<string, string>;
let teamIds: { team: string; other: string };

beforeAll(async () => {
  const team = await makeTeam("Dashboard");
  const other = await makeTeam("Elsewhere");
  supervisor = await makeUser("SUPERVISOR", team.id);
  const anna = await makeUser("CASEWORKER", team.id, `Anna ${tag()}`);
  const bo = await makeUser("CASEWORKER", team.id, `Bo ${tag()}`);
  const outsider = await makeUser("CASEWORKER", other.id);
  const make = (caseworkerId: string, nationality: string, teamId = team.id, actorId = anna.id) =>
    makeCase({ teamId, caseworkerId, actorId, principal: { latinName: `Figure ${tag()}`, nationality } });

  const januaryLate = await make(anna.id, "KP"); // 23:30 on 31 Jan in Bangkok
  const februaryEarly = await make(anna.id, "KP"); // 00:30 on 1 Feb in Bangkok
  const vietnamese = await make(bo.id, "VN");
  const closed = await make(bo.id, "VN");
  const elsewhere = await make(outsider.id, "KP", other.id, outsider.id);
  teamIds = { team: team.id, other: other.id };
  codes = { januaryLate: januaryLate.code, februaryEarly: februaryEarly.code, vietnamese: vietnamese.code, closed: closed.code, elsewhere: elsewhere.code };

  await testDb.case.update({ where: { id: januaryLate.id }, data: { openedAt: new Date("2026-01-31T16:30:00Z"), householdSize: 3 } });
  await testDb.case.update({ where: { id: februaryEarly.id }, data: { openedAt: new Date("2026-01-31T17:30:00Z") } });
  await testDb.case.update({ where: { id: vietnamese.id }, data: { openedAt: new Date("2026-03-10T05:00:00Z"), sensitivity: "HIGH" } });
  await testDb.case.update({ where: { id: closed.id }, data: { openedAt: new Date("2025-06-10T05:00:00Z"), status: "CLOSED" } });
  await testDb.case.update({ where: { id: elsewhere.id }, data: { openedAt: new Date("2026-02-10T05:00:00Z") } });
  await testDb.journey.update({ where: { caseId: januaryLate.id }, data: { entryDate: new Date("2026-01-20T00:00:00Z") } });
  await testDb.journey.update({ where: { caseId: februaryEarly.id }, data: { entryDate: new Date("2026-01-25T00:00:00Z") } });
  await testDb.journey.update({ where: { caseId: elsewhere.id }, data: { entryDate: new Date("2026-01-25T00:00:00Z") } });

  // A transfer to South Korea: 10 days in IDC, then 20 in embassy processing, then departed in March.
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const transfer = await testDb.proceeding.create({ data: { caseId: januaryLate.id, type: "TRANSFER_TO_KOREA", stage: "DEPARTED" } });
  const moves: [string | null, string, string][] = [
    [null, "IN_IDC", "2026-02-01"],
    ["IN_IDC", "EMBASSY_PROCESSING", "2026-02-11"],
    ["EMBASSY_PROCESSING", "DEPARTED", "2026-03-03"],
  ];
  for (const [i, [fromStage, toStage, on]] of moves.entries()) {
    await testDb.stageChange.create({ data: { proceedingId: transfer.id, fromStage, toStage, occurredOn: day(on), reason: "test", actorId: anna.id, at: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
  }
  await testDb.proceeding.create({ data: { caseId: vietnamese.id, type: "UNHCR_RSD", stage: "INTERVIEWED" } });
  // A resettlement whose programme was suspended for 10 days while it was submitted:
  // 10 days submitted, 10 on hold, 10 more submitted. One stay of 20 days; the hold is no stay.
  const resettlement = await testDb.proceeding.create({ data: { caseId: closed.id, type: "RESETTLEMENT", stage: "COUNTRY_INTERVIEW", closed: true } });
  const held: [string | null, string, string, boolean][] = [
    [null, "SUBMITTED", "2026-04-01", false],
    ["SUBMITTED", "ON_HOLD", "2026-04-11", true],
    ["ON_HOLD", "SUBMITTED", "2026-04-21", true],
    ["SUBMITTED", "COUNTRY_INTERVIEW", "2026-05-01", false],
  ];
  for (const [i, [fromStage, toStage, on, programmeHold]] of held.entries()) {
    await testDb.stageChange.create({ data: { proceedingId: resettlement.id, fromStage, toStage, occurredOn: day(on), reason: "test", actorId: bo.id, programmeHold, at: new Date(Date.UTC(2026, 3, 1, 0, i)) } });
  }
  await testDb.proceeding.create({ data: { caseId: closed.id, type: "UNHCR_RSD", stage: "CLOSED", closed: true } });

  const principal = await testDb.person.findFirstOrThrow({ where: { caseId: februaryEarly.id } });
  const facility = await testDb.facility.findFirstOrThrow({ where: { kind: "BANGKOK_IDC" } });
  // Detained 40 days before today in Bangkok: day 41 of detention.
  const started = new Date(`${todayInBangkok()}T00:00:00Z`);
  started.setUTCDate(started.getUTCDate() - 40);
  await testDb.detentionEpisode.create({ data: { caseId: februaryEarly.id, personId: principal.id, facilityId: facility.id, startedOn: started } });

  await testDb.task.createMany({
    data: [
      { caseId: vietnamese.id, title: "overdue", dueOn: day("2026-01-01"), assigneeId: bo.id, origin: "PERSON" },
      { caseId: vietnamese.id, title: "overdue too", dueOn: day("2026-01-02"), assigneeId: bo.id, origin: "PERSON" },
      { caseId: vietnamese.id, title: "done", dueOn: day("2026-01-02"), assigneeId: bo.id, origin: "PERSON", completedAt: new Date() },
      { caseId: vietnamese.id, title: "later", dueOn: day("2099-01-01"), assigneeId: anna.id, origin: "PERSON" },
    ],
  });

  figures = await dashboardFigures((await figureTeams(supervisor)).selected, { from: "2026-01-01", to: "2026-12-31" });
});

describe("dashboard figures", () => {
  it("count open cases by status and sensitivity, for the supervisor's team only", () => {
    expect(figures.byStatus.sort((a, b) => a.status.localeCompare(b.status) || a.sensitivity.localeCompare(b.sensitivity))).toEqual([
      { status: "CLOSED", sensitivity: "STANDARD", count: 1 },
      { status: "OPEN", sensitivity: "HIGH", count: 1 },
      { status: "OPEN", sensitivity: "STANDARD", count: 2 },
    ]);
  });

  it("count new cases per Bangkok month, so 23:30 on 31 January stays in January", () => {
    expect(figures.newCases).toEqual([
      { month: "2026-01", nationality: "KP", households: 1, people: 3 },
      { month: "2026-02", nationality: "KP", households: 1, people: 1 },
      { month: "2026-03", nationality: "VN", households: 1, people: 1 },
    ]);
  });

  it("count arrivals by entry month and sum them into years", () => {
    expect(figures.arrivals).toEqual([{ month: "2026-01", nationality: "KP", households: 2, people: 4 }]);
    expect(perYear(figures.arrivals, (r) => r.nationality)).toEqual([{ year: "2026", group: "KP", households: 2, people: 4 }]);
  });

  it("count departures by month and destination", () => {
    expect(figures.departures).toEqual([{ month: "2026-03", destination: "KR", households: 1, people: 3 }]);
  });

  it("give the time spent in each stage", () => {
    expect(figures.durations).toEqual([
      { type: "RESETTLEMENT", stage: "SUBMITTED", stays: 1, median: 20, p90: 20 },
      { type: "TRANSFER_TO_KOREA", stage: "IN_IDC", stays: 1, median: 10, p90: 10 },
      { type: "TRANSFER_TO_KOREA", stage: "EMBASSY_PROCESSING", stays: 1, median: 20, p90: 20 },
    ]);
  });

  it("show the open proceedings funnel, caseload, detention and overdue work", () => {
    expect(figures.funnel).toEqual([
      { type: "TRANSFER_TO_KOREA", stage: "DEPARTED", count: 1 },
      { type: "UNHCR_RSD", stage: "INTERVIEWED", count: 1 },
    ]);
    expect(figures.caseload.map((c) => [c.name.split(" ")[0], c.open])).toEqual([["Anna", 2], ["Bo", 1], ["SUPERVISOR", 0]]);
    expect(figures.detained).toEqual({ total: 1, over30: 1, over60: 0, longest: [expect.objectContaining({ code: codes.februaryEarly, days: 41, flags: ["OVER_30_DAYS"] })] });
    expect(figures.overdue).toEqual([{ name: expect.stringMatching(/^Bo /), count: 2 }]);
  });

  it("count overdue work per person: two people of one name are two rows, unassigned work one more", async () => {
    const team = await makeTeam("Namesakes");
    const name = `Kim Lee ${tag()}`;
    const [first, second] = [await makeUser("CASEWORKER", team.id, name), await makeUser("CASEWORKER", team.id, name)];
    const { id: caseId } = await makeCase({ teamId: team.id, caseworkerId: first.id, actorId: first.id, principal: { latinName: `Overdue ${tag()}` } });
    const overdue = (assigneeId: string | null, title: string) => ({ caseId, title, dueOn: new Date("2026-01-05T00:00:00Z"), assigneeId, origin: "PERSON" as const });
    await testDb.task.createMany({ data: [overdue(first.id, "a"), overdue(first.id, "b"), overdue(second.id, "c"), overdue(null, "d")] });
    const { overdue: rows } = await dashboardFigures([team.id], { from: "2026-01-01", to: "2026-12-31" });
    expect(rows).toEqual([
      { name, count: 2 },
      { name, count: 1 },
      { name: null, count: 1 },
    ]);
  });

  it("shows nothing to a caseworker", async () => {
    const caseworker = await makeUser("CASEWORKER", teamIds.team);
    const { choices, selected } = await figureTeams(caseworker);
    expect([choices, selected]).toEqual([[], []]);
    const empty = await dashboardFigures(selected, { from: "2026-01-01", to: "2026-12-31" });
    expect(empty.byStatus).toEqual([]);
    expect(empty.newCases).toEqual([]);
  });

  it("covers every team for an organisation-wide supervisor, or the one chosen; a team supervisor cannot choose another", async () => {
    const director: Actor = { ...(await makeUser("SUPERVISOR", teamIds.team)), organisationWide: true };
    const all = await figureTeams(director);
    expect(all.selected).toEqual(expect.arrayContaining([teamIds.team, teamIds.other]));
    const elsewhereOnly = await figureTeams(director, teamIds.other);
    expect(elsewhereOnly.selected).toEqual([teamIds.other]);
    const elsewhere = await dashboardFigures(elsewhereOnly.selected, { from: "2026-01-01", to: "2026-12-31" });
    expect(elsewhere.newCases).toEqual([{ month: "2026-02", nationality: "KP", households: 1, people: 1 }]);
    const both = await dashboardFigures([teamIds.team, teamIds.other], { from: "2026-01-01", to: "2026-12-31" });
    expect(both.newCases.filter((r) => r.month === "2026-02")).toEqual([{ month: "2026-02", nationality: "KP", households: 2, people: 2 }]);

    expect(all.choices.map((team) => team.id)).toEqual(expect.arrayContaining([teamIds.team, teamIds.other]));
    // A team supervisor has no other team to choose, whatever is asked for.
    expect(await figureTeams(supervisor, teamIds.other)).toEqual({ choices: [], selected: [teamIds.team] });
  });
});

describe("the columns the figures aggregate over, kept by the database", () => {
  it("copy the team and type onto proceedings and stage changes, close each stay, and follow a proceeding to another team", async () => {
    const caseInTeam = await testDb.case.findFirstOrThrow({ where: { code: codes.vietnamese }, select: { id: true } });
    const caseElsewhere = await testDb.case.findFirstOrThrow({ where: { code: codes.elsewhere }, select: { id: true } });
    const actor = await testDb.user.findFirstOrThrow({ where: { teamId: teamIds.team } });
    const proceeding = await testDb.proceeding.create({ data: { caseId: caseInTeam.id, type: "RESETTLEMENT", stage: "SUBMITTED" } });
    expect(proceeding.teamId).toBe(teamIds.team);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    for (const [i, [fromStage, toStage, on]] of ([[null, "NEEDS_ASSESSED", "2026-04-01"], ["NEEDS_ASSESSED", "SUBMITTED", "2026-04-15"]] as const).entries()) {
      await testDb.stageChange.create({ data: { proceedingId: proceeding.id, fromStage, toStage, occurredOn: day(on), reason: "test", actorId: actor.id, at: new Date(Date.UTC(2026, 3, 1, 0, i)) } });
    }
    const history = () => testDb.stageChange.findMany({ where: { proceedingId: proceeding.id }, orderBy: { at: "asc" }, select: { toStage: true, teamId: true, proceedingType: true, leftOn: true } });
    expect(await history()).toEqual([
      { toStage: "NEEDS_ASSESSED", teamId: teamIds.team, proceedingType: "RESETTLEMENT", leftOn: day("2026-04-15") },
      { toStage: "SUBMITTED", teamId: teamIds.team, proceedingType: "RESETTLEMENT", leftOn: null },
    ]);

    await testDb.proceeding.update({ where: { id: proceeding.id }, data: { caseId: caseElsewhere.id } });
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: proceeding.id } })).teamId).toBe(teamIds.other);
    expect((await history()).map((h) => h.teamId)).toEqual([teamIds.other, teamIds.other]);
    await testDb.proceeding.delete({ where: { id: proceeding.id } });
  });
});

describe("figures at every request", () => {
  it("include a change made a moment ago", async () => {
    const period = { from: "2026-01-01", to: "2026-12-31" };
    const open = (f: DashboardFigures) => f.byStatus.filter((r) => r.status === "OPEN").reduce((sum, r) => sum + r.count, 0);
    const before = await dashboardFigures([teamIds.team], period);
    const caseworker = await testDb.user.findFirstOrThrow({ where: { teamId: teamIds.team, role: "CASEWORKER" } });
    const added = await makeCase({ teamId: teamIds.team, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Late ${tag()}` } });
    expect(open(await dashboardFigures([teamIds.team], period))).toBe(open(before) + 1);
    await testDb.case.delete({ where: { id: added.id } });
    expect(open(await dashboardFigures([teamIds.team], period))).toBe(open(before));
  });

  it("read a period of whole years, months and ragged days as the sum of its parts", async () => {
    // 15 December 2024 to 10 May 2026: days, a month, a whole year, whole months, days.
    const long = await dashboardFigures([teamIds.team], { from: "2024-12-15", to: "2026-05-10" });
    expect(long.newCases.map((r) => [r.month, r.households])).toEqual([["2025-06", 1], ["2026-01", 1], ["2026-02", 1], ["2026-03", 1]]);
    expect(long.durations.map((d) => [d.stage, d.stays, d.median])).toEqual([["SUBMITTED", 1, 20], ["IN_IDC", 1, 10], ["EMBASSY_PROCESSING", 1, 20]]);
    // Ending the day before the resettlement's stay ended leaves it out; the day it ended counts.
    const shortOfIt = await dashboardFigures([teamIds.team], { from: "2024-12-15", to: "2026-04-30" });
    expect(shortOfIt.durations.map((d) => d.stage)).toEqual(["IN_IDC", "EMBASSY_PROCESSING"]);
    const onTheDay = await dashboardFigures([teamIds.team], { from: "2026-05-01", to: "2026-05-01" });
    expect(onTheDay.durations.map((d) => [d.stage, d.median])).toEqual([["SUBMITTED", 20]]);
  });

  it("by year, give new cases, arrivals and departures as the sums of their months, reading whole years where they fit", async () => {
    // 15 December 2024 to 10 May 2026: a ragged end, the whole of 2025 (a year row), then months and days of 2026.
    const period = { from: "2024-12-15", to: "2026-05-10" };
    const [byMonth, byYear] = await Promise.all([dashboardFigures([teamIds.team], period), dashboardFigures([teamIds.team], period, { byYear: true })]);
    type Row = { month: string; households: number; people: number };
    const asRows = <T extends Row>(rows: T[], key: (row: T) => string) => rows.map((r) => ({ month: r.month, key: key(r), households: r.households, people: r.people }));
    const summed = <T extends Row>(rows: T[], key: (row: T) => string) => perYear(rows, key).map((r) => ({ month: r.year, key: r.group, households: r.households, people: r.people }));
    expect(asRows(byYear.newCases, (r) => r.nationality)).toEqual(summed(byMonth.newCases, (r) => r.nationality));
    expect(asRows(byYear.arrivals, (r) => r.nationality)).toEqual(summed(byMonth.arrivals, (r) => r.nationality));
    expect(asRows(byYear.departures, (r) => r.destination)).toEqual(summed(byMonth.departures, (r) => r.destination));
    expect(byYear.newCases.map((r) => [r.month, r.nationality, r.households])).toEqual([["2025", "VN", 1], ["2026", "KP", 2], ["2026", "VN", 1]]);
    expect(byYear.departures.map((r) => [r.month, r.destination, r.people])).toEqual([["2026", "KR", 3]]);
  });
});

describe("people held now", () => {
  it("count everyone held, over 30 and over 60 days as the flags do, and list only the longest held asked for", async () => {
    const team = await makeTeam("Held");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const facility = await testDb.facility.findFirstOrThrow({ where: { kind: "BANGKOK_IDC" } });
    const today = todayInBangkok();
    // Held since 29, 30 and 60 days before today (two since 60): days 30, 31 and 61 of detention.
    const held: { back: number; code: string; id: string }[] = [];
    for (const back of [29, 60, 30, 60]) {
      const made = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Held ${tag()}` } });
      held.push({ back, code: made.code, id: made.id });
    }
    // Recorded last case first, so the table's own order of the two tied is not the order by code.
    for (const { back, id } of [...held].reverse()) {
      const person = await testDb.person.findFirstOrThrow({ where: { caseId: id } });
      await testDb.detentionEpisode.create({ data: { caseId: id, personId: person.id, facilityId: facility.id, startedOn: new Date(`${addCalendarDays(today, -back)}T00:00:00Z`) } });
    }
    // Longest held first; held since the same day, by code.
    const longest = [...held].sort((a, b) => b.back - a.back || a.code.localeCompare(b.code)).map((h) => h.code);
    const period = { from: "2026-01-01", to: "2026-12-31" };
    const listed = await dashboardFigures([team.id], period, { detainedListed: 3 });
    expect(listed.detained).toEqual({
      total: 4,
      over30: 3,
      over60: 2,
      longest: [
        expect.objectContaining({ code: longest[0], days: 61, flags: ["OVER_30_DAYS", "OVER_60_DAYS"] }),
        expect.objectContaining({ code: longest[1], days: 61, flags: ["OVER_30_DAYS", "OVER_60_DAYS"] }),
        expect.objectContaining({ code: longest[2], days: 31, flags: ["OVER_30_DAYS"] }),
      ],
    });
    // A cap falling between two held since the same day keeps the first by code.
    expect((await dashboardFigures([team.id], period, { detainedListed: 1 })).detained.longest.map((d) => d.code)).toEqual([longest[0]]);
    expect((await dashboardFigures([team.id], period, { detainedListed: 0 })).detained.longest).toEqual([]);
    // Without a cap (the download), every one is listed.
    expect((await dashboardFigures([team.id], period)).detained.longest.map((d) => d.code)).toEqual(longest);
    // Over two teams, the longest held of both, in one order: one held 45 days in another team comes between them.
    const other = await makeTeam("Held elsewhere");
    const elsewhere = await makeCase({ teamId: other.id, caseworkerId: null, actorId: caseworker.id, principal: { latinName: `Held ${tag()}` } });
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: elsewhere.id } });
    await testDb.detentionEpisode.create({ data: { caseId: elsewhere.id, personId: person.id, facilityId: facility.id, startedOn: new Date(`${addCalendarDays(today, -45)}T00:00:00Z`) } });
    const both = await dashboardFigures([team.id, other.id], period, { detainedListed: 3 });
    expect(both.detained.total).toBe(5);
    expect(both.detained.longest.map((d) => d.code)).toEqual([longest[0], longest[1], elsewhere.code]);
  });
});

describe("drill-through", () => {
  it("lists exactly the cases behind each figure, by month or by whole year", async () => {
    const { listCases } = await import("@/lib/cases/queries");
    const { parseCaseListParams } = await import("@/lib/cases/list-params");
    const behind = async (query: Record<string, string>) => (await listCases(supervisor, parseCaseListParams({ team: teamIds.team, ...query }))).rows.map((r) => r.code).sort();
    expect(await behind({ opened: "2026-01", nationality: "KP" })).toEqual([codes.januaryLate]);
    expect(await behind({ opened: "2026-02", nationality: "KP" })).toEqual([codes.februaryEarly]);
    expect(await behind({ opened: "2026" })).toEqual([codes.januaryLate, codes.februaryEarly, codes.vietnamese].sort());
    expect(await behind({ opened: "2025" })).toEqual([codes.closed]);
    expect(await behind({ arrived: "2026-01", nationality: "KP" })).toEqual([codes.januaryLate, codes.februaryEarly].sort());
    expect(await behind({ arrived: "2026" })).toEqual([codes.januaryLate, codes.februaryEarly].sort());
    expect(await behind({ departed: "2026-03" })).toEqual([codes.januaryLate]);
    expect(await behind({ departed: "2026" })).toEqual([codes.januaryLate]);
    expect(await behind({ departed: "2026-02" })).toEqual([]);
    // Departures are counted by destination: the list narrows the same way.
    expect(await behind({ departed: "2026-03", destination: "KR" })).toEqual([codes.januaryLate]);
    expect(await behind({ departed: "2026-03", destination: "CA" })).toEqual([]);
    // People on the list add up to the figure's people.
    expect((await listCases(supervisor, parseCaseListParams({ team: teamIds.team, departed: "2026-03", destination: "KR" }))).people).toBe(figures.departures[0].people);
    expect(await behind({ detained: "1" })).toEqual([codes.februaryEarly]);
    expect(await behind({ overdue: "1" })).toEqual([codes.vietnamese]);
    expect(await behind({ proceeding: "UNHCR_RSD:INTERVIEWED" })).toEqual([codes.vietnamese]);
    expect(await behind({ status: "OPEN", sensitivity: "HIGH" })).toEqual([codes.vietnamese]);
  });
});

describe("time in stage over many stays", () => {
  it("give the median and 90th percentile of every stay that ended in the period, across its years, months and days", async () => {
    const team = await makeTeam("Stays");
    const worker = await makeUser("CASEWORKER", team.id);
    // Days in detention before the embassy took each case, and the day each stay ended.
    const stays: [number, string][] = [
      [13, "2024-12-20"], // in the period's first days
      [5, "2025-03-04"], // in a whole year
      [5, "2025-11-30"],
      [3, "2026-02-14"], // in a whole month
      [8, "2026-05-05"], // in the period's last days
      [40, "2026-06-01"], // after the period: not counted
      [2, "2024-12-14"], // before it: not counted
    ];
    const stay = async ([length, ended]: [number, string]) => {
      const made = await makeCase({ teamId: team.id, caseworkerId: worker.id, actorId: worker.id, principal: { latinName: `Stay ${tag()}`, nationality: "KP" } });
      const transfer = await testDb.proceeding.create({ data: { caseId: made.id, type: "TRANSFER_TO_KOREA", stage: "EMBASSY_PROCESSING" } });
      const endedOn = new Date(`${ended}T00:00:00Z`);
      await testDb.stageChange.create({ data: { proceedingId: transfer.id, fromStage: null, toStage: "IN_IDC", occurredOn: new Date(endedOn.getTime() - length * 86_400_000), reason: "test", actorId: worker.id, at: new Date(Date.UTC(2026, 0, 1, 0, 0)) } });
      await testDb.stageChange.create({ data: { proceedingId: transfer.id, fromStage: "IN_IDC", toStage: "EMBASSY_PROCESSING", occurredOn: endedOn, reason: "test", actorId: worker.id, at: new Date(Date.UTC(2026, 0, 1, 0, 1)) } });
    };
    for (const each of stays) await stay(each);
    const period = { from: "2024-12-15", to: "2026-05-10" };
    // 3, 5, 5, 8, 13 days: the median is the middle one; the 90th percentile lies
    // 60% of the way from the fourth (8) to the fifth (13).
    const expected = [{ type: "TRANSFER_TO_KOREA", stage: "IN_IDC", stays: 5, median: 5, p90: 11 }];
    // The period covers every year the team's stays ended in: read from the
    // all-time rows, less the days of 2024 and 2026 outside it.
    expect((await dashboardFigures([team.id], period)).durations).toEqual(expected);
    // A stay in a year before the period: read from the period's own buckets, the same figures.
    await stay([1, "2023-06-01"]);
    expect((await dashboardFigures([team.id], period)).durations).toEqual(expected);
    // Whole years, nothing outside them: all time. 1, 2, 3, 5, 5, 8, 13, 40
    // days: the 90th percentile lies 30% of the way from 13 to 40.
    const [all] = (await dashboardFigures([team.id], { from: "2023-01-01", to: "2026-12-31" })).durations;
    expect(all).toMatchObject({ type: "TRANSFER_TO_KOREA", stage: "IN_IDC", stays: 8, median: 5 });
    expect(all.p90).toBeCloseTo(21.1, 9);
  });

  it("add up the stays of every team the figures cover, each team's all-time rows less the days outside the period", async () => {
    const teams = [await makeTeam("Stays A"), await makeTeam("Stays B")];
    const stay = async (teamId: string, length: number, ended: string) => {
      const worker = await makeUser("CASEWORKER", teamId);
      const made = await makeCase({ teamId, caseworkerId: worker.id, actorId: worker.id, principal: { latinName: `Stay ${tag()}`, nationality: "KP" } });
      const transfer = await testDb.proceeding.create({ data: { caseId: made.id, type: "TRANSFER_TO_KOREA", stage: "EMBASSY_PROCESSING" } });
      const endedOn = new Date(`${ended}T00:00:00Z`);
      await testDb.stageChange.create({ data: { proceedingId: transfer.id, fromStage: null, toStage: "IN_IDC", occurredOn: new Date(endedOn.getTime() - length * 86_400_000), reason: "test", actorId: worker.id } });
      await testDb.stageChange.create({ data: { proceedingId: transfer.id, fromStage: "IN_IDC", toStage: "EMBASSY_PROCESSING", occurredOn: endedOn, reason: "test", actorId: worker.id } });
    };
    await stay(teams[0].id, 4, "2025-02-01");
    await stay(teams[0].id, 6, "2025-12-20"); // after the period: not counted
    await stay(teams[1].id, 4, "2025-07-01"); // the same length in the other team: two stays of 4 days
    await stay(teams[1].id, 10, "2025-08-01");
    const both = teams.map((t) => t.id);
    // 4, 4 and 10 days: both teams' years lie within 2025, so the all-time rows are read.
    const [within] = (await dashboardFigures(both, { from: "2025-01-01", to: "2025-11-30" })).durations;
    expect(within).toMatchObject({ type: "TRANSFER_TO_KOREA", stage: "IN_IDC", stays: 3, median: 4 });
    expect(within.p90).toBeCloseTo(8.8, 9);
    // Each team alone.
    expect((await dashboardFigures([teams[0].id], { from: "2025-01-01", to: "2025-11-30" })).durations).toMatchObject([{ stays: 1, median: 4 }]);
    expect((await dashboardFigures([teams[1].id], { from: "2025-01-01", to: "2025-11-30" })).durations).toMatchObject([{ stays: 2, median: 7 }]);
    // A period that leaves out every stay: no stage at all.
    expect((await dashboardFigures(both, { from: "2025-09-01", to: "2025-11-30" })).durations).toEqual([]);
  });
});

describe("the dashboard's pending closures and standing holds", () => {
  it("lists those on the teams' cases, oldest first, up to the cap, and none unless asked", async () => {
    const team = await makeTeam("Oversight lists");
    const other = await makeTeam("Oversight elsewhere");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const make = (teamId: string) => makeCase({ teamId, caseworkerId: null, actorId: caseworker.id, principal: { latinName: `Overseen ${tag()}` } });
    const [newer, older, decided, elsewhere] = [await make(team.id), await make(team.id), await make(team.id), await make(other.id)];
    const at = (day: string) => new Date(`${day}T03:00:00Z`);
    const request = (caseId: string, day: string, status: "PENDING" | "APPROVED" = "PENDING") =>
      testDb.closureRequest.create({ data: { caseId, requestedById: caseworker.id, reason: "Resettled", requestedAt: at(day), status } });
    await request(newer.id, "2026-05-02");
    await request(older.id, "2026-04-01");
    await request(decided.id, "2026-03-01", "APPROVED");
    await request(elsewhere.id, "2026-03-15");
    const hold = (caseId: string, day: string, lifted = false) =>
      testDb.legalHold.create({ data: { caseId, reason: "Claim pending", placedById: caseworker.id, placedAt: at(day), ...(lifted ? { liftedAt: at(day), liftedById: caseworker.id } : {}) } });
    await hold(newer.id, "2026-06-02");
    await hold(older.id, "2026-06-01", true);
    await hold(elsewhere.id, "2026-05-01");

    const period = { from: "2026-01-01", to: "2026-12-31" };
    const listed = await dashboardFigures([team.id], period, { oversightListed: 100 });
    expect(listed.closures).toEqual([
      { code: older.code, requestedAt: at("2026-04-01") },
      { code: newer.code, requestedAt: at("2026-05-02") },
    ]);
    expect(listed.holds).toEqual([{ code: newer.code, placedAt: at("2026-06-02") }]);
    expect((await dashboardFigures([team.id], period, { oversightListed: 1 })).closures.map((c) => c.code)).toEqual([older.code]);
    const unasked = await dashboardFigures([team.id], period);
    expect([unasked.closures, unasked.holds]).toEqual([[], []]);
    const both = await dashboardFigures([team.id, other.id], period, { oversightListed: 100 });
    expect(both.closures.map((c) => c.code)).toEqual([elsewhere.code, older.code, newer.code]);
    expect(both.holds.map((h) => h.code)).toEqual([elsewhere.code, newer.code]);
  });
});

describe("the week's hearings", () => {
  it("counts every hearing of the coming week and lists only the soonest asked for, by time then code", async () => {
    const team = await makeTeam("Hearings week");
    const other = await makeTeam("Hearings elsewhere");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const court = await testDb.court.findFirstOrThrow();
    const hour = 3_600_000;
    const soon = new Date(Math.ceil((Date.now() + 24 * hour) / hour) * hour);
    const hearingIn = async (teamId: string, startsAt: Date) => {
      const made = await makeCase({ teamId, caseworkerId: null, actorId: caseworker.id, principal: { latinName: `Heard ${tag()}` } });
      const proceeding = await testDb.proceeding.create({ data: { caseId: made.id, type: "CRIMINAL", stage: "HEARINGS" } });
      return { code: made.code, proceedingId: proceeding.id, startsAt };
    };
    // Two at the same moment, one a day later; one past the week and one already past are not counted.
    const tied = [await hearingIn(team.id, soon), await hearingIn(team.id, soon)];
    const later = await hearingIn(team.id, new Date(soon.getTime() + 24 * hour));
    const outside = [await hearingIn(team.id, new Date(soon.getTime() + 9 * 24 * hour)), await hearingIn(team.id, new Date(Date.now() - 24 * hour))];
    const elsewhere = await hearingIn(other.id, soon);
    // Recorded last code first, so the table's own order of the two tied is not the order by code.
    const byCode = [...tied].sort((a, b) => a.code.localeCompare(b.code));
    for (const h of [byCode[1], later, byCode[0], ...outside, elsewhere]) {
      await testDb.hearing.create({ data: { proceedingId: h.proceedingId, courtId: court.id, startsAt: h.startsAt, purpose: "FIRST_HEARING" } });
    }
    const period = { from: "2026-01-01", to: "2026-12-31" };
    const codes = (f: DashboardFigures) => f.hearings.map((h) => h.code);
    const all = await dashboardFigures([team.id], period);
    expect(all.hearingsThisWeek).toBe(3);
    expect(codes(all)).toEqual([byCode[0].code, byCode[1].code, later.code]);
    expect(all.hearings[0]).toEqual({ code: byCode[0].code, startsAt: soon, court: { name: court.name, names: court.names } });
    // A cap falling between two at the same moment keeps the first by code; the count still covers the week.
    const one = await dashboardFigures([team.id], period, { hearingsListed: 1 });
    expect([one.hearingsThisWeek, codes(one)]).toEqual([3, [byCode[0].code]]);
    const none = await dashboardFigures([team.id], period, { hearingsListed: 0 });
    expect([none.hearingsThisWeek, codes(none)]).toEqual([3, []]);
    // Over two teams, one order across both.
    const both = await dashboardFigures([team.id, other.id], period, { hearingsListed: 3 });
    expect(both.hearingsThisWeek).toBe(4);
    expect(codes(both)).toEqual([...[...tied, elsewhere].map((h) => h.code).sort()]);
  });
});

describe("the dashboard's view", () => {
  it("is recorded by the figures' read with the cases it names, in the order shown, once each: the row a write of its own leaves", async () => {
    const team = await makeTeam("Viewed dashboard");
    const viewer = await makeUser("SUPERVISOR", team.id);
    const caseworker = await makeUser("CASEWORKER", team.id);
    const make = () => makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Viewed ${tag()}` } });
    const [held, heard, closing] = [await make(), await make(), await make()];
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: held.id } });
    const facility = await testDb.facility.findFirstOrThrow({ where: { kind: "BANGKOK_IDC" } });
    await testDb.detentionEpisode.create({ data: { caseId: held.id, personId: person.id, facilityId: facility.id, startedOn: new Date(`${addCalendarDays(todayInBangkok(), -5)}T00:00:00Z`) } });
    const proceeding = await testDb.proceeding.create({ data: { caseId: heard.id, type: "CRIMINAL", stage: "HEARINGS" } });
    const court = await testDb.court.findFirstOrThrow();
    await testDb.hearing.create({ data: { proceedingId: proceeding.id, courtId: court.id, startsAt: new Date(Date.now() + 48 * 3_600_000), purpose: "FIRST_HEARING" } });
    await testDb.closureRequest.create({ data: { caseId: closing.id, requestedById: caseworker.id, reason: "Resettled" } });
    // The held case is also under a hold: named twice, recorded once, in its first place.
    await testDb.legalHold.create({ data: { caseId: held.id, reason: "Claim pending", placedById: viewer.id } });

    const ip = `dashboard ${tag()}`;
    const detail = { from: "2026-01-01", to: "2026-12-31", team: null };
    const figures = await dashboardFigures([team.id], { from: "2026-01-01", to: "2026-12-31" }, { detainedListed: 10, hearingsListed: 10, oversightListed: 100, view: { actor: viewer, viewing: { ip, detail } } });
    const named = [...figures.detained.longest, ...figures.hearings, ...figures.closures, ...figures.holds].map((row) => row.code);
    expect(named).toEqual([held.code, heard.code, closing.code, held.code]);
    const [recorded, ...more] = await pageViewsFrom(viewer.id, ip);
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({ entity: "Page", entityId: "dashboard", caseId: null, detail: { page: "dashboard", rows: 3, cases: [held.code, heard.code, closing.code], ...detail } });
    const apart = `dashboard apart ${tag()}`;
    await writePageView(viewer, "dashboard", { ip: apart, detail }, named);
    const [{ hash: ownHash, ...own }] = await pageViewsFrom(viewer.id, apart);
    const { hash: stepHash, ...step } = recorded;
    expect(step).toEqual(own);
    expect([ownHash, stepHash].every(Boolean)).toBe(true);
    // Figures read without a view (the monthly report, the download) record none.
    const viewsBy = () => testDb.auditLog.count({ where: { actorId: viewer.id, action: "page.view" } });
    const before = await viewsBy();
    await dashboardFigures([team.id], { from: "2026-01-01", to: "2026-12-31" }, { detainedListed: 10, oversightListed: 100 });
    expect(await viewsBy()).toBe(before);
  });
});
