// The week and month grids and the agenda: a supervisor's are read in one
// statement (teamGrid, teamAgenda), everyone else's the general way. Both
// must draw the same: each Bangkok day's count, its first hearings in full,
// which clash; the agenda's pages and total.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, pageViewsFrom, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { hearingGrid, listHearings, type HearingFilters } from "./queries";
import { ROWS_PER_PAGE } from "@/lib/paging";

let supervisor: Actor;
let caseworker: Actor;
let ids: { court: string; otherCourt: string; counsel: string; team: string; otherTeam: string };

beforeAll(async () => {
  const team = await makeTeam("Grid");
  const otherTeam = await makeTeam("Grid elsewhere");
  supervisor = await makeUser("SUPERVISOR", team.id);
  caseworker = await makeUser("CASEWORKER", team.id);
  const counsel = await makeUser("LEGAL_OFFICER", team.id, `Counsel ${tag()}`);
  const court = await testDb.court.create({ data: { name: `Grid court ${tag()}`, names: { th: "ศาลทดสอบ" } } });
  const otherCourt = await testDb.court.create({ data: { name: `Grid court ${tag()}` } });
  const proceeding = async (teamId: string, type: "CRIMINAL" | "DEPORTATION_EXTRADITION") => {
    const held = await makeCase({ teamId, caseworkerId: null, actorId: supervisor.id, principal: { latinName: `Gridded ${tag()}` } });
    return (await testDb.proceeding.create({ data: { caseId: held.id, type, stage: "HEARINGS" } })).id;
  };
  const criminal = await proceeding(team.id, "CRIMINAL");
  const deportation = await proceeding(team.id, "DEPORTATION_EXTRADITION");
  const elsewhere = await proceeding(otherTeam.id, "CRIMINAL");
  const at = (iso: string) => new Date(iso);
  await testDb.hearing.createMany({
    data: [
      // 3 March in Bangkok: four hearings, saved out of order; two with the same counsel at the same time (a clash).
      { proceedingId: criminal, courtId: court.id, startsAt: at("2031-03-03T05:00:00Z"), purpose: "WITNESS", counselId: counsel.id },
      { proceedingId: deportation, courtId: otherCourt.id, startsAt: at("2031-03-03T02:00:00Z"), purpose: "FIRST_HEARING" },
      { proceedingId: deportation, courtId: court.id, startsAt: at("2031-03-03T05:30:00Z"), purpose: "FIRST_HEARING", counselId: counsel.id },
      // 16:59 UTC is still 3 March in Bangkok (23:59); 17:00 UTC is 4 March.
      { proceedingId: criminal, courtId: court.id, startsAt: at("2031-03-03T16:59:00Z"), purpose: "WITNESS" },
      { proceedingId: criminal, courtId: otherCourt.id, startsAt: at("2031-03-03T17:00:00Z"), purpose: "WITNESS" },
      // Another team's hearing the same day: never counted here.
      { proceedingId: elsewhere, courtId: court.id, startsAt: at("2031-03-03T03:00:00Z"), purpose: "WITNESS" },
      // Outside the period.
      { proceedingId: criminal, courtId: court.id, startsAt: at("2031-04-02T03:00:00Z"), purpose: "WITNESS" },
    ],
  });
  ids = { court: court.id, otherCourt: otherCourt.id, counsel: counsel.id, team: team.id, otherTeam: otherTeam.id };
});

const MARCH = { from: new Date("2031-02-28T17:00:00Z"), to: new Date("2031-03-31T17:00:00Z") };

/** The one view row a read left (its own `ip`), without its chain hash. */
async function viewOf(actor: Actor, ip: string) {
  const rows = await pageViewsFrom(actor.id, ip);
  expect(rows).toHaveLength(1);
  return rows.map(({ hash, ...row }) => ({ ...row, chained: Boolean(hash) }))[0];
}

/** What a grid draws, and the view it records, in a form two grids can be compared by. */
async function drawn(actor: Actor, filters: Partial<HearingFilters> = {}, perDay = 2) {
  const ip = `grid ${tag()}`;
  const grid = await hearingGrid(actor, { ...MARCH, ...filters }, perDay, { ip, detail: { view: "month", from: "2031-03-01", listPage: null } });
  const hearings = [...grid.days.values()].flatMap((day) => day.hearings);
  const codes = [...new Set(hearings.map((h) => h.proceeding.case.code))];
  const viewed = await viewOf(actor, ip);
  expect(viewed.detail).toEqual({ page: "hearings", rows: codes.length, cases: codes, view: "month", from: "2031-03-01", listPage: null });
  return {
    viewed,
    days: [...grid.days].map(([day, { count, hearings }]) => ({
      day,
      count,
      hearings: hearings.map((h) => [h.startsAt.toISOString(), h.purpose, h.court.name, h.court.names, h.proceeding.type, h.proceeding.case.code, h.counselId, h.counsel?.name ?? null, h.clash]),
    })),
    total: grid.total,
    clashes: grid.clashes,
  };
}

describe("the week and month grids", () => {
  it("count each Bangkok day's hearings and show its first in full, the same for a supervisor (one statement) as the general way", async () => {
    const grid = await drawn(supervisor);
    expect(grid.days.map((d) => [d.day, d.count, d.hearings.length])).toEqual([
      ["2031-03-03", 4, 2],
      ["2031-03-04", 1, 1],
    ]);
    expect(grid.total).toBe(5);
    // The first two of the day, in time order: the 09:00 first hearing and the 12:00 witness hearing, which clashes.
    expect(grid.days[0].hearings.map((h) => [h[0], h[8]])).toEqual([
      ["2031-03-03T02:00:00.000Z", false],
      ["2031-03-03T05:00:00.000Z", true],
    ]);
    // Both clashing hearings are counted, though only one is drawn.
    expect(grid.clashes).toBe(2);
    // A caseworker of the team sees the same (standard) cases, read the general way.
    expect(await drawn(caseworker)).toEqual(grid);
    // Drawing none, every day is still counted.
    const counted = await drawn(supervisor, {}, 0);
    expect(counted.days.map((d) => [d.day, d.count, d.hearings.length])).toEqual([
      ["2031-03-03", 4, 0],
      ["2031-03-04", 1, 0],
    ]);
    expect(counted).toEqual(await drawn(caseworker, {}, 0));
  });

  it("apply each filter the same way on both", async () => {
    const filters: Partial<HearingFilters>[] = [
      { type: "DEPORTATION_EXTRADITION" },
      { courtId: ids.court },
      { courtId: ids.otherCourt },
      { counselId: ids.counsel },
      { teamId: ids.team },
      { teamId: ids.otherTeam },
      { type: "CRIMINAL", courtId: ids.court },
    ];
    for (const filter of filters) expect(await drawn(supervisor, filter), JSON.stringify(filter)).toEqual(await drawn(caseworker, filter));
    expect((await drawn(supervisor, { type: "DEPORTATION_EXTRADITION" })).total).toBe(2);
    // Its hearing at 12:30 clashes with its counsel's criminal hearing at 12:00, which the filter leaves out.
    expect((await drawn(supervisor, { type: "DEPORTATION_EXTRADITION" })).clashes).toBe(1);
    expect((await drawn(supervisor, { counselId: ids.counsel })).clashes).toBe(2);
    expect((await drawn(supervisor, { teamId: ids.otherTeam })).total).toBe(0);
  });

  it("count only the hearings of the supervisor's own teams", async () => {
    const outsider = await makeUser("SUPERVISOR", ids.otherTeam);
    const grid = await drawn(outsider);
    expect(grid.days.map((d) => [d.day, d.count])).toEqual([["2031-03-03", 1]]);
    expect((await drawn(outsider, { teamId: ids.team })).total).toBe(0);
  });
});

describe("the agenda", () => {
  /** What an agenda page shows, in a form two agendas can be compared by. */
  async function agenda(actor: Actor, filters: Partial<HearingFilters>, page: number) {
    const ip = `agenda ${tag()}`;
    const listed = await listHearings(actor, { ...MARCH, ...filters }, page, { ip, detail: { view: "agenda", from: "2031-03-01", listPage: page } });
    const codes = [...new Set(listed.hearings.map((h) => h.proceeding.case.code))];
    const viewed = await viewOf(actor, ip);
    expect(viewed.detail).toEqual({ page: "hearings", rows: codes.length, cases: codes, view: "agenda", from: "2031-03-01", listPage: page });
    return {
      viewed,
      total: listed.total,
      hearings: listed.hearings.map((h) => [h.startsAt.toISOString(), h.purpose, h.court.name, h.court.names, h.proceeding.type, h.proceeding.case.code, h.counselId, h.counsel?.name ?? null, h.clash]),
    };
  }

  it("lists a page of the period's hearings in time order, with the total and the clashes, the same for a supervisor (one statement) as the general way", async () => {
    const march = await agenda(supervisor, {}, 1);
    expect(march.total).toBe(5);
    expect(march.hearings.map((h) => [h[0], h[8]])).toEqual([
      ["2031-03-03T02:00:00.000Z", false],
      ["2031-03-03T05:00:00.000Z", true],
      ["2031-03-03T05:30:00.000Z", true],
      ["2031-03-03T16:59:00.000Z", false],
      ["2031-03-03T17:00:00.000Z", false],
    ]);
    expect(await agenda(caseworker, {}, 1)).toEqual(march);
    // A page past the end shows none, and still the total.
    expect(await agenda(supervisor, {}, 2)).toMatchObject({ total: 5, hearings: [] });
    expect(await agenda(caseworker, {}, 2)).toMatchObject({ total: 5, hearings: [] });
    for (const filter of [{ type: "DEPORTATION_EXTRADITION" }, { courtId: ids.court }, { counselId: ids.counsel }, { teamId: ids.otherTeam }] as Partial<HearingFilters>[]) {
      expect(await agenda(supervisor, filter, 1), JSON.stringify(filter)).toEqual(await agenda(caseworker, filter, 1));
    }
    // Filtered to one court, a hearing still clashes with its counsel's hearing in another.
    const otherCourt = await agenda(supervisor, { courtId: ids.otherCourt }, 1);
    expect(otherCourt.total).toBe(2);
  });

  it("pages a long agenda the same both ways, each hearing once, and finds a clash across pages", async () => {
    const team = await makeTeam("Agenda pages");
    const boss = await makeUser("SUPERVISOR", team.id);
    const worker = await makeUser("CASEWORKER", team.id);
    const counsel = await makeUser("LEGAL_OFFICER", team.id, `Counsel ${tag()}`);
    const court = await testDb.court.create({ data: { name: `Agenda court ${tag()}` } });
    const held = await makeCase({ teamId: team.id, caseworkerId: null, actorId: boss.id, principal: { latinName: `Agenda ${tag()}` } });
    const proceedingId = (await testDb.proceeding.create({ data: { caseId: held.id, type: "CRIMINAL", stage: "HEARINGS" } })).id;
    // Thirty hearings a day apart from 1 May; the last of the first page and the first of the second overlap (same counsel).
    const may = (day: number, hour = 3) => new Date(Date.UTC(2031, 4, day, hour));
    await testDb.hearing.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ proceedingId, courtId: court.id, startsAt: may(1 + i), purpose: "WITNESS" as const, counselId: i === 24 ? counsel.id : null })),
    });
    await testDb.hearing.create({ data: { proceedingId, courtId: court.id, startsAt: may(25, 3), purpose: "FIRST_HEARING", counselId: counsel.id } });
    const period = { from: may(1, 0), to: may(31, 23) };
    const pages = async (actor: Actor) => [await agenda(actor, period, 1), await agenda(actor, period, 2)];
    const [first, second] = await pages(boss);
    expect(first.hearings).toHaveLength(ROWS_PER_PAGE);
    expect([first.total, second.total, second.hearings.length]).toEqual([31, 31, 31 - ROWS_PER_PAGE]);
    expect(new Set([...first.hearings, ...second.hearings].map((h) => `${h[0]} ${h[1]}`)).size).toBe(31);
    expect([...first.hearings, ...second.hearings].filter((h) => h[8]).length).toBe(2);
    expect(await pages(worker)).toEqual([first, second]);
  });
});
