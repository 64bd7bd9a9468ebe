// Long lists read a page at a time: the deadlines and the hearings agenda
// show ROWS_PER_PAGE rows per page, every row once across the pages, in
// order, and count only what the reader may see.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { ROWS_PER_PAGE, pageOf } from "@/lib/paging";
import { openDeadlines } from "./queries";
import { hearingGrid, listHearings } from "@/lib/hearings/queries";
import { bangkokDate } from "@/lib/dates";

const ROWS = 2 * ROWS_PER_PAGE + 5;
let supervisor: Actor;
let outsider: Actor;
let caseworker: Actor;

beforeAll(async () => {
  const team = await makeTeam("Paging");
  const other = await makeTeam("Paging elsewhere");
  supervisor = await makeUser("SUPERVISOR", team.id);
  outsider = await makeUser("SUPERVISOR", other.id);
  caseworker = await makeUser("CASEWORKER", team.id);
  const held = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Paged ${tag()}` } });
  const proceeding = await testDb.proceeding.create({ data: { caseId: held.id, type: "CRIMINAL", stage: "HEARINGS" } });
  const court = await testDb.court.findFirstOrThrow();
  // Due dates and hearing times in a shuffled order of creation, some on the same day.
  const order = Array.from({ length: ROWS }, (_, i) => (i * 37) % ROWS);
  await testDb.task.createMany({
    data: order.map((i) => ({
      caseId: held.id,
      // Some with no proceeding, some with an assignee and the working of their date.
      proceedingId: i % 4 === 0 ? null : proceeding.id,
      assigneeId: i % 3 === 0 ? caseworker.id : null,
      working: i % 5 === 0 ? { from: "2029-12-01", days: 30 + i } : undefined,
      title: `Deadline ${i}`,
      ruleKey: `rule.${i % 3}`,
      dueOn: new Date(Date.UTC(2030, 0, 1 + Math.floor(i / 2))),
      origin: "RULE" as const,
    })),
  });
  // Neither a deadline done nor one a person set is listed.
  await testDb.task.createMany({
    data: [
      { caseId: held.id, title: "Done", dueOn: new Date(Date.UTC(2029, 0, 1)), origin: "RULE", completedAt: new Date() },
      { caseId: held.id, title: "Mine", dueOn: new Date(Date.UTC(2029, 0, 1)), origin: "PERSON" },
    ],
  });
  await testDb.hearing.createMany({
    data: order.map((i) => ({ proceedingId: proceeding.id, courtId: court.id, startsAt: new Date(Date.UTC(2030, 0, 1 + Math.floor(i / 3), 2)), purpose: "FIRST_HEARING" as const })),
  });
});

/** Every page in turn, until an empty one. */
async function allPages<T>(read: (page: number) => Promise<T[]>) {
  const pages: T[][] = [];
  for (let page = 1; ; page++) {
    const rows = await read(page);
    if (rows.length === 0) return pages;
    pages.push(rows);
  }
}

describe("a list read a page at a time", () => {
  it("gives every open deadline once, soonest first, a page at a time", async () => {
    const first = await openDeadlines(supervisor, 1, { ip: null });
    expect([first.total, first.pages, first.rows.length]).toEqual([ROWS, 3, ROWS_PER_PAGE]);
    const pages = await allPages(async (page) => (await openDeadlines(supervisor, page, { ip: null })).rows);
    expect(pages.map((p) => p.length)).toEqual([ROWS_PER_PAGE, ROWS_PER_PAGE, 5]);
    const due = pages.flat().map((d) => d.dueOn.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(new Set(pages.flat().map((d) => d.id)).size).toBe(ROWS);
    // Another team's supervisor counts none of them.
    expect((await openDeadlines(outsider, 1, { ip: null })).total).toBe(0);
  });

  it("gives a supervisor's deadlines, read in one statement, as the general way gives a caseworker's, and records each view", async () => {
    // The team's caseworker sees the same deadlines (the case is not restricted), read the general way.
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    for (const page of [1, 2, 3, 4]) {
      const quick = await openDeadlines(supervisor, page, { ip, detail: { listPage: page } });
      expect(quick, `page ${page}`).toEqual(await openDeadlines(caseworker, page, { ip, detail: { listPage: page } }));
    }
    const first = (await openDeadlines(supervisor, 1, { ip: null })).rows;
    expect(first.some((d) => d.proceeding === null) && first.some((d) => d.assignee !== null) && first.some((d) => d.working !== null)).toBe(true);
    // Each view is recorded once, with the codes it showed, the same way by either read.
    const views = await testDb.auditLog.findMany({ where: { action: "page.view", entityId: "deadlines", ip }, orderBy: { chainSeq: "asc" }, select: { actorId: true, detail: true } });
    expect(views.map((v) => [v.actorId === supervisor.id ? "supervisor" : "caseworker", (v.detail as { listPage: number }).listPage])).toEqual(
      [1, 2, 3, 4].flatMap((page) => [["supervisor", page], ["caseworker", page]]),
    );
    for (const [a, b] of [[0, 1], [2, 3], [4, 5], [6, 7]]) expect(views[a].detail).toEqual(views[b].detail);
    expect((views[0].detail as { cases: string[] }).cases).toHaveLength(1);
    expect((views[6].detail as { rows: number }).rows).toBe(0);
  });

  it("gives every hearing of the period once, soonest first, a page of the agenda at a time", async () => {
    const period = { from: new Date(Date.UTC(2030, 0, 1)), to: new Date(Date.UTC(2030, 2, 1)) };
    expect((await listHearings(supervisor, period, 1, { ip: null })).total).toBe(ROWS);
    const pages = await allPages(async (page) => (await listHearings(supervisor, period, page, { ip: null })).hearings);
    expect(pages.map((p) => p.length)).toEqual([ROWS_PER_PAGE, ROWS_PER_PAGE, 5]);
    const times = pages.flat().map((h) => h.startsAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(pages.flat().map((h) => h.id)).size).toBe(ROWS);
    expect((await listHearings(outsider, period, 1, { ip: null })).total).toBe(0);
  });

  it("counts every hearing of a week or month grid by day, and reads in full only the first few of each day", async () => {
    const period = { from: new Date(Date.UTC(2030, 0, 1)), to: new Date(Date.UTC(2030, 2, 1)) };
    const grid = await hearingGrid(supervisor, period, 2, { ip: null });
    const days = [...grid.days.values()];
    expect(grid.total).toBe(ROWS);
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(ROWS);
    expect(days.every((day) => day.hearings.length === Math.min(2, day.count))).toBe(true);
    // A day's first hearings, in order, and each under its own Bangkok day.
    for (const [day, { hearings }] of grid.days) {
      expect(hearings.map((h) => bangkokDate(h.startsAt))).toEqual(hearings.map(() => day));
      expect(hearings.map((h) => h.startsAt.getTime())).toEqual(hearings.map((h) => h.startsAt.getTime()).sort((a, b) => a - b));
    }
    expect((await hearingGrid(outsider, period, 2, { ip: null })).total).toBe(0);
  });

  it("slices an ordered list (the risk board) into whole pages", () => {
    const rows = Array.from({ length: ROWS }, (_, i) => i);
    expect([1, 2, 3].map((page) => pageOf(rows, page).rows.length)).toEqual([ROWS_PER_PAGE, ROWS_PER_PAGE, 5]);
    expect([1, 2, 3].flatMap((page) => pageOf(rows, page).rows)).toEqual(rows);
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1 });
    // A page past the end is the last one.
    expect(pageOf(rows, 9)).toMatchObject({ page: 3, pages: 3 });
  });
});
