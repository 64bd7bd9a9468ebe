import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { GRAPHS } from "@/lib/workflows";
import type { DeadlineRule } from "@/lib/workflows/types";
import { holdable, releasable, resumeProgramme, suspendProgramme } from "./suspension";
import { programmeHolds } from "./queries";

describe("programme suspension", () => {
  it("puts every open linked resettlement on hold with a note, and resuming restores exactly the prior stages", async () => {
    const team = await makeTeam("Resettlement");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const programme = await testDb.programme.create({ data: { name: `Test programme ${tag()}`, country: "CA" } });
    const stages = ["SUBMITTED", "COUNTRY_INTERVIEW", "CHECKS", "ON_HOLD", "DEPARTED"];
    const proceedings = [];
    for (const stage of stages) {
      const target = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Resettled ${tag()}` } });
      proceedings.push(
        await testDb.proceeding.create({ data: { caseId: target.id, type: "RESETTLEMENT", stage, closed: stage === "DEPARTED", programmeId: programme.id } }),
      );
    }
    const context = { actor: supervisor, ip: null, reason: "Intake paused by the resettlement country" };
    // The dashboard's counts (summed in SQL) agree with the suspension's own selection.
    const shown = async () => (await programmeHolds(supervisor)).find((p) => p.id === programme.id)!;
    const before = await shown();
    expect(before.wouldHold).toEqual({ proceedings: 3, people: 3, teams: [team.name] });
    expect(before.wouldHold.proceedings).toBe(await testDb.proceeding.count({ where: holdable(programme.id, supervisor) }));
    expect(before.held.proceedings).toBe(0);
    // An organisation-wide supervisor's view counts every team's, another team's supervisor's none of these.
    const director = { ...(await makeUser("SUPERVISOR", team.id)), organisationWide: true };
    const elsewhere = await makeUser("SUPERVISOR", (await makeTeam("Elsewhere")).id);
    expect((await programmeHolds(director)).find((p) => p.id === programme.id)!.wouldHold).toEqual(before.wouldHold);
    expect((await programmeHolds(elsewhere)).find((p) => p.id === programme.id)!.wouldHold.proceedings).toBe(0);

    const suspended = await testDb.$transaction((tx) => suspendProgramme(tx, programme.id, context));
    expect(suspended.count).toBe(3);
    const during = await testDb.proceeding.findMany({ where: { programmeId: programme.id }, orderBy: { openedAt: "asc" } });
    expect(during.map((p) => [p.stage, p.suspendedFromStage])).toEqual([
      ["ON_HOLD", "SUBMITTED"],
      ["ON_HOLD", "COUNTRY_INTERVIEW"],
      ["ON_HOLD", "CHECKS"],
      ["ON_HOLD", null], // on hold by hand before: not the suspension's to undo
      ["DEPARTED", null],
    ]);
    expect(await testDb.note.count({ where: { caseId: { in: proceedings.slice(0, 3).map((p) => p.caseId) }, body: { contains: "on hold" } } })).toBe(3);
    await expect(testDb.$transaction((tx) => suspendProgramme(tx, programme.id, context))).rejects.toThrow("alreadySuspended");
    const whileHeld = await shown();
    expect(whileHeld.held).toEqual({ proceedings: 3, people: 3, teams: [team.name] });
    expect(whileHeld.held.proceedings).toBe(await testDb.proceeding.count({ where: releasable(programme.id, supervisor) }));
    expect(whileHeld.wouldHold.proceedings).toBe(0);
    // A caseworker's view holds nothing: they may not suspend.
    expect((await programmeHolds(caseworker)).find((p) => p.id === programme.id)!.wouldHold.proceedings).toBe(0);

    const resumed = await testDb.$transaction((tx) => resumeProgramme(tx, programme.id, context));
    expect(resumed.count).toBe(3);
    const after = await testDb.proceeding.findMany({ where: { programmeId: programme.id }, orderBy: { openedAt: "asc" } });
    expect(after.map((p) => p.stage)).toEqual(stages);
    expect(after.every((p) => p.suspendedFromStage === null)).toBe(true);
    expect((await testDb.programme.findUniqueOrThrow({ where: { id: programme.id } })).status).toBe("ACTIVE");
    const history = await testDb.stageChange.findMany({ where: { proceedingId: proceedings[1].id }, orderBy: { at: "asc" } });
    expect(history.map((h) => `${h.fromStage}>${h.toStage}`)).toEqual(["COUNTRY_INTERVIEW>ON_HOLD", "ON_HOLD>COUNTRY_INTERVIEW"]);
  });

  it("moves through the transitions module: a deadline rule on the resumed stage creates its task, and each move is audited", async () => {
    const team = await makeTeam("Resettlement rules");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const programme = await testDb.programme.create({ data: { name: `Rules programme ${tag()}`, country: "AU" } });
    const target = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Resumed ${tag()}` } });
    const proceeding = await testDb.proceeding.create({ data: { caseId: target.id, type: "RESETTLEMENT", stage: "CHECKS", programmeId: programme.id } });
    // A deployment's rule on a resettlement stage (none ship today): re-entering the stage on resume must fire it.
    const rule: DeadlineRule = { key: `test.recheck.${tag()}`, onStage: "CHECKS", from: "event", period: { amount: 14, unit: "days" }, title: "recheck", assignTo: "caseworker", metBy: [] };
    GRAPHS.RESETTLEMENT.deadlineRules.push(rule);
    try {
      const context = { actor: supervisor, ip: "127.0.0.1", reason: "Paused for the test" };
      await testDb.$transaction((tx) => suspendProgramme(tx, programme.id, context));
      await testDb.$transaction((tx) => resumeProgramme(tx, programme.id, context));
    } finally {
      GRAPHS.RESETTLEMENT.deadlineRules.splice(GRAPHS.RESETTLEMENT.deadlineRules.indexOf(rule), 1);
    }
    const tasks = await testDb.task.findMany({ where: { proceedingId: proceeding.id } });
    expect(tasks.map((t) => [t.ruleKey, t.assigneeId, t.origin])).toEqual([[rule.key, caseworker.id, "RULE"]]);
    const moves = await testDb.auditLog.findMany({ where: { entityId: proceeding.id, action: "proceeding.transition" }, orderBy: { id: "asc" } });
    expect(moves.map((m) => m.detail)).toEqual([
      { type: "RESETTLEMENT", from: "CHECKS", to: "ON_HOLD", tasks: 0, met: 0, reopened: 0, released: 0, programmeSuspended: true },
      { type: "RESETTLEMENT", from: "ON_HOLD", to: "CHECKS", tasks: 1, met: 0, reopened: 0, released: 0, programmeResumed: true },
    ]);
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: proceeding.id } })).version).toBe(3);
    // Marked as the programme's moves, so time-in-stage figures do not count them as stays.
    const changes = await testDb.stageChange.findMany({ where: { proceedingId: proceeding.id }, orderBy: { at: "asc" } });
    expect(changes.map((c) => [c.toStage, c.programmeHold])).toEqual([["ON_HOLD", true], ["CHECKS", true]]);
  });

  it("holds only the resettlements of the supervisor's own teams, tells their caseworker and counsel, and needs every team to resume before the programme is active", async () => {
    const bangkok = await makeTeam("Hold Bangkok");
    const north = await makeTeam("Hold North");
    const bangkokCaseworker = await makeUser("CASEWORKER", bangkok.id);
    const northCaseworker = await makeUser("CASEWORKER", north.id);
    const counsel = await makeUser("LEGAL_OFFICER", bangkok.id);
    const bangkokSupervisor = await makeUser("SUPERVISOR", bangkok.id);
    const northSupervisor = await makeUser("SUPERVISOR", north.id);
    const programme = await testDb.programme.create({ data: { name: `Shared programme ${tag()}`, country: "US" } });
    const open = async (teamId: string, caseworkerId: string, counselId?: string) => {
      const target = await makeCase({ teamId, actorId: caseworkerId, caseworkerId, counselId, principal: { latinName: `Held ${tag()}` } });
      return testDb.proceeding.create({ data: { caseId: target.id, type: "RESETTLEMENT", stage: "SUBMITTED", programmeId: programme.id } });
    };
    const mine = await open(bangkok.id, bangkokCaseworker.id, counsel.id);
    const theirs = await open(north.id, northCaseworker.id);
    const reason = "USRAP intake suspended";

    await testDb.$transaction((tx) => suspendProgramme(tx, programme.id, { actor: bangkokSupervisor, ip: null, reason }));
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: mine.id } })).stage).toBe("ON_HOLD");
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: theirs.id } })).stage).toBe("SUBMITTED");
    const told = await testDb.notification.findMany({ where: { caseId: mine.caseId }, select: { userId: true, kind: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([bangkokCaseworker.id, counsel.id].sort());
    expect(new Set(told.map((n) => n.kind))).toEqual(new Set(["programme-suspended"]));
    expect(await testDb.notification.count({ where: { caseId: theirs.caseId } })).toBe(0);
    const change = await testDb.stageChange.findFirstOrThrow({ where: { proceedingId: mine.id, toStage: "ON_HOLD" } });
    expect(change.reason).toContain(reason);

    // Chiang Rai's supervisor follows for their own team; the programme is already marked suspended.
    await testDb.$transaction((tx) => suspendProgramme(tx, programme.id, { actor: northSupervisor, ip: null, reason }));
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: theirs.id } })).stage).toBe("ON_HOLD");
    await expect(testDb.$transaction((tx) => suspendProgramme(tx, programme.id, { actor: northSupervisor, ip: null, reason }))).rejects.toThrow("alreadySuspended");

    await testDb.$transaction((tx) => resumeProgramme(tx, programme.id, { actor: bangkokSupervisor, ip: null, reason: "Intake reopened" }));
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: mine.id } })).stage).toBe("SUBMITTED");
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id: theirs.id } })).stage).toBe("ON_HOLD");
    expect((await testDb.programme.findUniqueOrThrow({ where: { id: programme.id } })).status).toBe("SUSPENDED");
    await testDb.$transaction((tx) => resumeProgramme(tx, programme.id, { actor: northSupervisor, ip: null, reason: "Intake reopened" }));
    expect((await testDb.programme.findUniqueOrThrow({ where: { id: programme.id } })).status).toBe("ACTIVE");
  });
});
