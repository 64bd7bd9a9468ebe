// Long lists read a page at a time: the deadlines and the hearings agenda
// show a hundred rows per page, every row once across the pages, in order,
// and count only what the reader may see.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { DEADLINES_PER_PAGE, openDeadlines } from "./queries";
import { AGENDA_PER_PAGE, listHearings } from "@/lib/hearings/queries";

const ROWS = 105;
let supervisor: Actor;
let outsider: Actor;

beforeAll(async () => {
  const team = await makeTeam("Paging");
  const other = await makeTeam("Paging elsewhere");
  supervisor = await makeUser("SUPERVISOR", team.id);
  outsider = await makeUser("SUPERVISOR", other.id);
  const caseworker = await makeUser("CASEWORKER", team.id);
  const held = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Paged ${tag()}` } });
  const proceeding = await testDb.proceeding.create({ data: { caseId: held.id, type: "CRIMINAL", stage: "HEARINGS" } });
  const court = await testDb.court.findFirstOrThrow();
  // Due dates and hearing times in a shuffled order of creation, some on the same day.
  const order = Array.from({ length: ROWS }, (_, i) => (i * 37) % ROWS);
  await testDb.task.createMany({
    data: order.map((i) => ({ caseId: held.id, proceedingId: proceeding.id, title: `Deadline ${i}`, dueOn: new Date(Date.UTC(2030, 0, 1 + Math.floor(i / 2))), origin: "RULE" as const })),
  });
  await testDb.hearing.createMany({
    data: order.map((i) => ({ proceedingId: proceeding.id, courtId: court.id, startsAt: new Date(Date.UTC(2030, 0, 1 + Math.floor(i / 3), 2)), purpose: "FIRST_HEARING" as const })),
  });
});

describe("a list read a page at a time", () => {
  it("gives every open deadline once, soonest first, a hundred per page", async () => {
    const first = await openDeadlines(supervisor, 1);
    const second = await openDeadlines(supervisor, 2);
    expect([first.total, first.pages, first.rows.length, second.rows.length]).toEqual([ROWS, 2, DEADLINES_PER_PAGE, ROWS - DEADLINES_PER_PAGE]);
    const due = [...first.rows, ...second.rows].map((d) => d.dueOn.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(new Set([...first.rows, ...second.rows].map((d) => d.id)).size).toBe(ROWS);
    expect((await openDeadlines(supervisor, 3)).rows).toEqual([]);
    // Another team's supervisor counts none of them.
    expect((await openDeadlines(outsider, 1)).total).toBe(0);
  });

  it("gives every hearing of the period once, soonest first, a hundred per agenda page", async () => {
    const period = { from: new Date(Date.UTC(2030, 0, 1)), to: new Date(Date.UTC(2030, 2, 1)) };
    const first = await listHearings(supervisor, period, 1);
    const second = await listHearings(supervisor, period, 2);
    expect([first.total, first.hearings.length, second.hearings.length]).toEqual([ROWS, AGENDA_PER_PAGE, ROWS - AGENDA_PER_PAGE]);
    const times = [...first.hearings, ...second.hearings].map((h) => h.startsAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set([...first.hearings, ...second.hearings].map((h) => h.id)).size).toBe(ROWS);
    // The grids read the whole period.
    expect((await listHearings(supervisor, period)).hearings.length).toBe(ROWS);
    expect((await listHearings(outsider, period, 1)).total).toBe(0);
  });
});
