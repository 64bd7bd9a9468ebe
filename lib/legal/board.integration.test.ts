// The refoulement-risk board: the cases at risk the reader may see, in the
// order asked for (next hearing, next deadline, longest held, code), one
// page at a time.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, pageViewsFrom, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { refoulementBoard } from "./board";

let supervisor: Actor;
let outsider: Actor;
const codes: string[] = [];
const viewing = { ip: null };

beforeAll(async () => {
  const team = await makeTeam("Board");
  supervisor = await makeUser("SUPERVISOR", team.id);
  outsider = await makeUser("SUPERVISOR", (await makeTeam("Board elsewhere")).id);
  const court = await testDb.court.findFirstOrThrow();
  const facility = await testDb.facility.findFirstOrThrow();
  // Three flagged cases: A has the soonest hearing, B the nearest deadline, C has been held longest.
  for (const [i, name] of ["A", "B", "C"].entries()) {
    const made = await makeCase({ teamId: team.id, caseworkerId: null, actorId: supervisor.id, principal: { latinName: `Board ${name} ${tag()}` } });
    codes.push(made.code);
    await testDb.case.update({ where: { id: made.id }, data: { riskFlags: ["REFOULEMENT_RISK"] } });
    const proceeding = await testDb.proceeding.create({ data: { caseId: made.id, type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" } });
    await testDb.hearing.create({ data: { proceedingId: proceeding.id, courtId: court.id, purpose: "FIRST_HEARING", startsAt: new Date(Date.now() + (i + 1) * 86_400_000) } });
    await testDb.task.create({ data: { caseId: made.id, title: "Appeal", origin: "PERSON", dueOn: new Date(Date.now() + [20, 5, 10][i] * 86_400_000) } });
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: made.id } });
    await testDb.detentionEpisode.create({ data: { caseId: made.id, personId: person.id, facilityId: facility.id, startedOn: new Date(Date.now() - [10, 20, 90][i] * 86_400_000) } });
  }
});

const order = async (sort: "code" | "hearing" | "deadline" | "detention") => (await refoulementBoard(supervisor, sort, 1, viewing)).rows.map((r) => r.code);

describe("the refoulement-risk board", () => {
  it("sorts by next hearing, next deadline, time held and code", async () => {
    const [a, b, c] = codes;
    expect(await order("hearing")).toEqual([a, b, c]);
    expect(await order("deadline")).toEqual([b, c, a]);
    expect(await order("detention")).toEqual([c, b, a]);
    expect(await order("code")).toEqual([...codes].sort());
    const board = await refoulementBoard(supervisor, "detention", 1, viewing);
    expect([board.total, board.page, board.pages]).toEqual([3, 1, 1]);
    expect(board.rows[0].detention?.days).toBeGreaterThan(90);
    expect(board.rows[0].nextDeadline?.title).toBe("Appeal");
  });

  it("shows another team's supervisor none of them, and a page past the end is the last", async () => {
    expect((await refoulementBoard(outsider, "hearing", 1, viewing)).rows.map((r) => r.code).filter((code) => codes.includes(code))).toEqual([]);
    expect((await refoulementBoard(supervisor, "code", 99, viewing)).page).toBe(1);
  });

  it("takes a case's next hearing over all its proceedings, past hearings left out", async () => {
    const team = await makeTeam("Board, hearings");
    const reader = await makeUser("SUPERVISOR", team.id);
    const court = await testDb.court.findFirstOrThrow();
    const day = 86_400_000;
    const flagged = async (name: string) => {
      const made = await makeCase({ teamId: team.id, caseworkerId: null, actorId: reader.id, principal: { latinName: `Board ${name} ${tag()}` } });
      await testDb.case.update({ where: { id: made.id }, data: { riskFlags: ["REFOULEMENT_RISK"] } });
      return made;
    };
    const hearings = async (caseId: string, type: "DEPORTATION_EXTRADITION" | "CRIMINAL", days: number[]) => {
      const proceeding = await testDb.proceeding.create({ data: { caseId, type, stage: type === "CRIMINAL" ? "ARRESTED" : "ORDER_RECEIVED" } });
      for (const d of days) await testDb.hearing.create({ data: { proceedingId: proceeding.id, courtId: court.id, purpose: "FIRST_HEARING", startsAt: new Date(Date.now() + d * day) } });
    };
    // Two proceedings: yesterday's and a hearing in 5 days on one, 3 and 10 days on the other; next is in 3 days.
    const two = await flagged("two");
    await hearings(two.id, "DEPORTATION_EXTRADITION", [-1, 5]);
    await hearings(two.id, "CRIMINAL", [10, 3]);
    // Only past hearings: none next, so last on the board.
    const past = await flagged("past");
    await hearings(past.id, "DEPORTATION_EXTRADITION", [-2, -1]);
    const soon = await flagged("soon");
    await hearings(soon.id, "DEPORTATION_EXTRADITION", [4]);
    const board = await refoulementBoard(reader, "hearing", 1, viewing);
    expect(board.rows.map((r) => r.code)).toEqual([two.code, soon.code, past.code]);
    const next = board.rows[0].nextHearing!.getTime();
    expect(Math.abs(next - (Date.now() + 3 * day))).toBeLessThan(60_000);
    expect(board.rows[2].nextHearing).toBeNull();
  });


  it("follows a proceeding moved to another case (a merge): its hearings count for the case it now belongs to", async () => {
    const team = await makeTeam("Board, merged");
    const reader = await makeUser("SUPERVISOR", team.id);
    const court = await testDb.court.findFirstOrThrow();
    const made = (name: string) => makeCase({ teamId: team.id, caseworkerId: null, actorId: reader.id, principal: { latinName: `Board ${name} ${tag()}` } });
    const [kept, merged, later] = [await made("kept"), await made("merged"), await made("later")];
    for (const c of [kept, later]) await testDb.case.update({ where: { id: c.id }, data: { riskFlags: ["REFOULEMENT_RISK"] } });
    const laterProceeding = await testDb.proceeding.create({ data: { caseId: later.id, type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" } });
    await testDb.hearing.create({ data: { proceedingId: laterProceeding.id, courtId: court.id, purpose: "FIRST_HEARING", startsAt: new Date(Date.now() + 6 * 86_400_000) } });
    const moving = await testDb.proceeding.create({ data: { caseId: merged.id, type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" } });
    const hearing = await testDb.hearing.create({ data: { proceedingId: moving.id, courtId: court.id, purpose: "FIRST_HEARING", startsAt: new Date(Date.now() + 2 * 86_400_000) } });
    expect((await testDb.hearing.findUniqueOrThrow({ where: { id: hearing.id } })).caseId).toBe(merged.id);
    // Before the move the kept case has no hearing and comes last; after it, its hearing in two days puts it first.
    expect((await refoulementBoard(reader, "hearing", 1, viewing)).rows.map((r) => r.code)).toEqual([later.code, kept.code]);
    await testDb.proceeding.update({ where: { id: moving.id }, data: { caseId: kept.id } });
    expect((await testDb.hearing.findUniqueOrThrow({ where: { id: hearing.id } })).caseId).toBe(kept.id);
    expect((await refoulementBoard(reader, "hearing", 1, viewing)).rows.map((r) => r.code)).toEqual([kept.code, later.code]);
  });
  it("holds every case at risk, however many, and sorts them all", async () => {
    // More than the 500 the board once kept: each of these is flagged, and the one with a hearing tomorrow leads the board.
    const team = await makeTeam("Board, long");
    const reader = await makeUser("SUPERVISOR", team.id);
    const run = tag();
    await testDb.case.createMany({
      data: Array.from({ length: 520 }, (_, i) => ({ code: `BOARD-${run}-${i}`, teamId: team.id, principalName: `Board long ${i}`, nationality: "VN", riskFlags: ["REFOULEMENT_RISK"] })),
    });
    const made = await makeCase({ teamId: team.id, caseworkerId: null, actorId: reader.id, principal: { latinName: `Board soonest ${run}` } });
    await testDb.case.update({ where: { id: made.id }, data: { riskFlags: ["REFOULEMENT_RISK"] } });
    const proceeding = await testDb.proceeding.create({ data: { caseId: made.id, type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" } });
    await testDb.hearing.create({ data: { proceedingId: proceeding.id, courtId: (await testDb.court.findFirstOrThrow()).id, purpose: "FIRST_HEARING", startsAt: new Date(Date.now() + 86_400_000) } });
    const board = await refoulementBoard(reader, "hearing", 1, viewing);
    expect(board.total).toBe(521);
    expect(board.rows[0].code).toBe(made.code);
    // The read records its view with the codes of the page shown: a page past the end is the last, of 21 cases.
    const ip = `board ${run}`;
    const last = await refoulementBoard(reader, "code", 99, { ip });
    expect([last.page, last.rows.length]).toEqual([21, 21]);
    expect((await pageViewsFrom(reader.id, ip)).map((row) => [row.entityId, row.detail])).toEqual([
      ["board", { page: "board", rows: 21, cases: last.rows.map((r) => r.code), sort: "code", listPage: 21 }],
    ]);
  });

  it("records an empty board's view too, whether or not the reader has cases at risk to look through", async () => {
    const team = await makeTeam("Board, empty");
    const ip = `board ${tag()}`;
    for (const reader of [await makeUser("SUPERVISOR", team.id), await makeUser("CASEWORKER", team.id)]) {
      expect((await refoulementBoard(reader, "deadline", 2, { ip })).rows).toEqual([]);
      expect((await pageViewsFrom(reader.id, ip)).map((row) => row.detail)).toEqual([{ page: "board", rows: 0, cases: [], sort: "deadline", listPage: 1 }]);
    }
  });

  it("shows a caseworker and a legal officer only the cases at risk they may open, with each row's details", async () => {
    const team = await makeTeam("Board, named");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const counsel = await makeUser("LEGAL_OFFICER", team.id, `Counsel ${tag()}`);
    const facility = await testDb.facility.findFirstOrThrow();
    const flagged = async (name: string, data: { sensitivity?: "RESTRICTED" } = {}) => {
      const made = await makeCase({ teamId: team.id, caseworkerId: null, actorId: caseworker.id, principal: { latinName: `Board ${name} ${tag()}` } });
      await testDb.case.update({ where: { id: made.id }, data: { riskFlags: ["REFOULEMENT_RISK"], ...data } });
      return made;
    };
    const open = await flagged("open");
    const restricted = await flagged("restricted", { sensitivity: "RESTRICTED" });
    // On the board by a recent incident alone, not flagged; one older than 90 days puts no case on it.
    const byIncident = await makeCase({ teamId: team.id, caseworkerId: null, actorId: caseworker.id, principal: { latinName: `Board incident ${tag()}` } });
    const stale = await makeCase({ teamId: team.id, caseworkerId: null, actorId: caseworker.id, principal: { latinName: `Board stale ${tag()}` } });
    const day = 86_400_000;
    await testDb.protectionIncident.create({ data: { caseId: byIncident.id, occurredOn: new Date(Date.now() - 3 * day), kind: "THREAT", severity: "HIGH", description: "Followed home" } });
    await testDb.protectionIncident.create({ data: { caseId: stale.id, occurredOn: new Date(Date.now() - 200 * day), kind: "THREAT", severity: "LOW", description: "Long ago" } });
    await testDb.caseMember.create({ data: { caseId: open.id, userId: counsel.id, role: "COUNSEL" } });
    await testDb.proceeding.create({ data: { caseId: open.id, type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" } });
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: open.id } });
    await testDb.detentionEpisode.create({ data: { caseId: open.id, personId: person.id, facilityId: facility.id, startedOn: new Date(Date.now() - 30 * day) } });

    const seen = await refoulementBoard(caseworker, "code", 1, viewing);
    expect(seen.rows.map((r) => r.code)).toEqual([open.code, byIncident.code].sort());
    expect(seen.total).toBe(2);
    const row = seen.rows.find((r) => r.code === open.code)!;
    expect(row.counsel).toEqual([counsel.name]);
    expect(row.removalStages).toEqual(["ORDER_RECEIVED"]);
    expect(row.detention?.facility.name).toBe(facility.name);
    expect(row.detention?.days).toBeGreaterThanOrEqual(30);
    expect(seen.rows.find((r) => r.code === byIncident.code)?.incident).toMatchObject({ kind: "THREAT", severity: "HIGH" });
    // Counsel on one case sees that one; the restricted case stays off a caseworker's board unless they are named on it.
    expect((await refoulementBoard(counsel, "hearing", 1, viewing)).rows.map((r) => r.code)).toEqual([open.code]);
    await testDb.case.update({ where: { id: restricted.id }, data: { caseworkerId: caseworker.id } });
    expect((await refoulementBoard(caseworker, "code", 1, viewing)).rows.map((r) => r.code)).toEqual([open.code, restricted.code, byIncident.code].sort());
  });
});
