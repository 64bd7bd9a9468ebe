// The next-hearing hint a case carries for the risk board: kept by the
// hearings' triggers as hearings are added, moved and removed, safe when two
// transactions add hearings to one case at once, and worked out anew by the
// upkeep once it has passed; the board is right either way.
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { refoulementBoard } from "@/lib/legal/board";
import { refreshPassedHints } from "./next-hearing";

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Math.round((Date.now() + days * DAY) / 60_000) * 60_000);

async function flaggedCase() {
  const team = await makeTeam("Next hearing");
  const reader = await makeUser("SUPERVISOR", team.id);
  const made = await makeCase({ teamId: team.id, caseworkerId: null, actorId: reader.id, principal: { latinName: `Next hearing ${tag()}` } });
  await testDb.case.update({ where: { id: made.id }, data: { riskFlags: ["REFOULEMENT_RISK"] } });
  const proceeding = await testDb.proceeding.create({ data: { caseId: made.id, type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" } });
  return { ...made, team, reader, proceeding };
}

async function hearingAt(proceedingId: string, startsAt: Date) {
  const court = await testDb.court.findFirstOrThrow();
  return testDb.hearing.create({ data: { proceedingId, courtId: court.id, purpose: "FIRST_HEARING", startsAt } });
}

/** The hint as the case carries it (left out of the client: read here by SQL). */
async function hintOf(caseId: string): Promise<Date | null> {
  const [row] = await testDb.$queryRaw<{ hint: Date | null }[]>`select "nextHearingAt" as hint from "Case" where id = ${caseId}::uuid`;
  return row.hint;
}

describe("a case's next-hearing hint", () => {
  it("follows hearings added, moved in time, moved to another case and removed", async () => {
    const kase = await flaggedCase();
    expect(await hintOf(kase.id)).toBeNull();
    // A past hearing is no next hearing.
    await hearingAt(kase.proceeding.id, inDays(-2));
    expect(await hintOf(kase.id)).toBeNull();
    const later = await hearingAt(kase.proceeding.id, inDays(9));
    expect(await hintOf(kase.id)).toEqual(inDays(9));
    const sooner = await hearingAt(kase.proceeding.id, inDays(4));
    expect(await hintOf(kase.id)).toEqual(inDays(4));
    // Adjourned to after the other.
    await testDb.hearing.update({ where: { id: sooner.id }, data: { startsAt: inDays(12) } });
    expect(await hintOf(kase.id)).toEqual(inDays(9));
    // Its proceeding merged into another case: the hearings go with it.
    const other = await flaggedCase();
    await hearingAt(other.proceeding.id, inDays(20));
    await testDb.proceeding.update({ where: { id: kase.proceeding.id }, data: { caseId: other.id } });
    expect(await hintOf(kase.id)).toBeNull();
    expect(await hintOf(other.id)).toEqual(inDays(9));
    await testDb.hearing.delete({ where: { id: later.id } });
    expect(await hintOf(other.id)).toEqual(inDays(12));
  });

  it("holds the earlier of two hearings added to one case by two transactions at once", async () => {
    const kase = await flaggedCase();
    const court = await testDb.court.findFirstOrThrow();
    const add = (days: number) => ({ proceedingId: kase.proceeding.id, courtId: court.id, purpose: "FIRST_HEARING" as const, startsAt: inDays(days) });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let added!: () => void;
    const first = new Promise<void>((resolve) => (added = resolve));
    // The first adds the hearing in 3 days and stays open; the second adds one in 10 days meanwhile.
    const one = testDb.$transaction(async (tx) => {
      await tx.hearing.create({ data: add(3) });
      added();
      await held;
    });
    await first;
    // (A Prisma query starts when awaited: then() starts it now.)
    const two = testDb.hearing.create({ data: add(10) }).then((hearing) => hearing);
    // The second waits for the first's lock on the case before reading its hearings.
    let waited = false;
    for (let i = 0; i < 100 && !waited; i++) {
      const [row] = await testDb.$queryRaw<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%insert into%hearing%'`;
      waited = row.n > 0;
      if (!waited) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await Promise.all([one, two]);
    expect(waited).toBe(true);
    expect(await hintOf(kase.id)).toEqual(inDays(3));
  });

  it("once passed, the board looks the next hearing up, and the upkeep works the hint out anew", async () => {
    const kase = await flaggedCase();
    await hearingAt(kase.proceeding.id, inDays(5));
    // A hearing starting in a moment (long enough to be added before it starts,
    // however busy the machine): the hint until it starts, and then passed, as only time can make it.
    const moment = new Date(Date.now() + 3_000);
    await hearingAt(kase.proceeding.id, moment);
    expect(await hintOf(kase.id)).toEqual(moment);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, moment.getTime() - Date.now()) + 300));
    expect(await hintOf(kase.id)).toEqual(moment);
    const board = await refoulementBoard(kase.reader, "hearing", 1, { ip: null });
    expect(board.rows.map((r) => [r.code, r.nextHearing])).toEqual([[kase.code, inDays(5)]]);
    expect(await refreshPassedHints()).toBeGreaterThanOrEqual(1);
    expect(await hintOf(kase.id)).toEqual(inDays(5));
  });
});
