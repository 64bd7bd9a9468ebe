import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { ConflictError } from "@/lib/locking";
import { Refusal } from "@/lib/refusal";
import { GRAPHS } from "@/lib/workflows";
import { moveProceeding, openProceeding } from "./transitions";
import { openProceedingSchema, transitionSchema } from "./schema";

let caseworker: Actor;
let counsel: Actor;
let team: { id: string };

beforeAll(async () => {
  team = await makeTeam("Proceedings");
  caseworker = await makeUser("CASEWORKER", team.id);
  counsel = await makeUser("LEGAL_OFFICER", team.id);
});

const ip = "127.0.0.1";
const open = (raw: Record<string, unknown>) =>
  openProceedingSchema.parse({ reason: "Opened at intake", occurredOn: "2026-01-10", reference: "", certificateExpiresOn: "", programmeId: "", ...raw });
const move = (raw: Record<string, unknown>) => transitionSchema.parse({ reason: "Recorded in test", occurredOn: "2026-02-01", ...raw });

async function newCase(nationality = "VN") {
  const created = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, counselId: counsel.id, principal: { latinName: `Proceedings ${tag()}`, nationality } });
  return { ...created, access: await openFor(caseworker, created.code) };
}

describe("opening and moving proceedings", () => {
  it("records history, creates the appeal task from the rejection date and assigns it to counsel", async () => {
    const target = await newCase();
    const { id } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "UNHCR_RSD", stage: "REGISTERED", certificateExpiresOn: "2026-09-30" }), ip));
    for (const [from, to] of [["REGISTERED", "INTERVIEW_SCHEDULED"], ["INTERVIEW_SCHEDULED", "INTERVIEWED"], ["INTERVIEWED", "REJECTED"]]) {
      const { version } = await testDb.proceeding.findUniqueOrThrow({ where: { id } });
      await testDb.$transaction((tx) => moveProceeding(tx, target.access, id, move({ version, fromStage: from, toStage: to, occurredOn: "2026-03-05" }), ip));
    }
    const proceeding = await testDb.proceeding.findUniqueOrThrow({ where: { id }, include: { stageChanges: { orderBy: { at: "asc" } } } });
    expect(proceeding.stage).toBe("REJECTED");
    expect(proceeding.stageChanges.map((c) => `${c.fromStage ?? "-"}>${c.toStage}`)).toEqual(["->REGISTERED", "REGISTERED>INTERVIEW_SCHEDULED", "INTERVIEW_SCHEDULED>INTERVIEWED", "INTERVIEWED>REJECTED"]);
    const tasks = await testDb.task.findMany({ where: { proceedingId: id }, orderBy: { dueOn: "asc" } });
    expect(tasks.map((t) => [t.ruleKey, t.dueOn.toISOString().slice(0, 10), t.assigneeId])).toEqual([
      ["rsd.appeal", "2026-04-07", counsel.id],
      ["rsd.certificateRenewal", "2026-08-31", caseworker.id],
    ]);
    expect(await testDb.auditLog.count({ where: { entityId: id, action: "proceeding.transition" } })).toBe(3);
  });

  it("uses the deployment's period when an administrator changed it", async () => {
    const target = await newCase();
    await testDb.deadlineSetting.upsert({ where: { ruleKey: "criminal.appeal" }, create: { ruleKey: "criminal.appeal", amount: 2, unit: "months" }, update: { amount: 2, unit: "months" } });
    try {
      const { tasks } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "CRIMINAL", stage: "CHARGED" }), ip));
      expect(tasks).toEqual([]);
      const p = await testDb.proceeding.findFirstOrThrow({ where: { caseId: target.id } });
      const moved = await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: p.version, fromStage: "CHARGED", toStage: "VERDICT", occurredOn: "2026-01-31" }), ip));
      expect(moved.tasks.map((t) => t.dueOn.toISOString().slice(0, 10))).toEqual(["2026-03-31"]);
    } finally {
      await testDb.deadlineSetting.delete({ where: { ruleKey: "criminal.appeal" } });
    }
  });

  it("refuses a move the graph does not allow, and a move out of a final stage", async () => {
    const target = await newCase();
    const { id } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "CRIMINAL", stage: "ARRESTED" }), ip));
    const attempt = (fromStage: string, toStage: string, version: number) =>
      testDb.$transaction((tx) => moveProceeding(tx, target.access, id, move({ version, fromStage, toStage }), ip));
    await expect(attempt("ARRESTED", "FINAL", 1)).rejects.toMatchObject({ key: "transitionNotAllowed" });
    await attempt("ARRESTED", "CHARGED", 1);
    await attempt("CHARGED", "VERDICT", 2);
    await attempt("VERDICT", "FINAL", 3);
    await expect(attempt("FINAL", "APPEAL", 4)).rejects.toBeInstanceOf(Refusal);
    expect((await testDb.proceeding.findUniqueOrThrow({ where: { id } })).closed).toBe(true);
  });

  it("leaves nothing behind when the transaction fails half-way", async () => {
    const target = await newCase();
    const { id } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" }), ip));
    await testDb.$transaction(async (tx) => moveProceeding(tx, target.access, id, move({ version: 1, fromStage: "ORDER_RECEIVED", toStage: "COURT_HEARINGS" }), ip));
    const before = { changes: await testDb.stageChange.count({ where: { proceedingId: id } }), tasks: await testDb.task.count({ where: { proceedingId: id } }), audit: await testDb.auditLog.count({ where: { entityId: id } }) };
    await expect(
      testDb.$transaction(async (tx) => {
        await moveProceeding(tx, target.access, id, move({ version: 2, fromStage: "COURT_HEARINGS", toStage: "ORDER_APPROVED" }), ip);
        throw new Error("the server died here");
      }),
    ).rejects.toThrow("the server died here");
    const after = await testDb.proceeding.findUniqueOrThrow({ where: { id } });
    expect(after.stage).toBe("COURT_HEARINGS");
    expect(after.version).toBe(2);
    expect({ changes: await testDb.stageChange.count({ where: { proceedingId: id } }), tasks: await testDb.task.count({ where: { proceedingId: id } }), audit: await testDb.auditLog.count({ where: { entityId: id } }) }).toEqual(before);
  });

  it("lets exactly one of two concurrent moves win", async () => {
    const target = await newCase();
    const { id } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" }), ip));
    await testDb.$transaction((tx) => moveProceeding(tx, target.access, id, move({ version: 1, fromStage: "ORDER_RECEIVED", toStage: "COURT_HEARINGS" }), ip));
    const results = await Promise.allSettled(
      ["ORDER_APPROVED", "ORDER_REFUSED"].map((toStage) =>
        testDb.$transaction((tx) => moveProceeding(tx, target.access, id, move({ version: 2, fromStage: "COURT_HEARINGS", toStage }), ip)),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const final = await testDb.proceeding.findUniqueOrThrow({ where: { id }, include: { stageChanges: true, tasks: true } });
    expect(final.version).toBe(3);
    expect(final.stageChanges).toHaveLength(3);
    expect(final.tasks).toHaveLength(1);
  });

  it("marks the case at refoulement risk while a deportation or extradition is open", async () => {
    const target = await newCase();
    const { id } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED" }), ip));
    expect((await testDb.case.findUniqueOrThrow({ where: { id: target.id } })).riskFlags).toEqual(["REFOULEMENT_RISK"]);
    await testDb.$transaction((tx) => moveProceeding(tx, target.access, id, move({ version: 1, fromStage: "ORDER_RECEIVED", toStage: "HALTED" }), ip));
    expect((await testDb.case.findUniqueOrThrow({ where: { id: target.id } })).riskFlags).toEqual([]);
  });

  it("asks for confirmation before opening an NSM proceeding for a North Korean defector", async () => {
    const target = await newCase("KP");
    await expect(testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "NSM", stage: "REQUEST_SUBMITTED" }), ip))).rejects.toMatchObject({ field: "confirmNsm", key: "nsmNotForDefectors" });
    expect(await testDb.proceeding.count({ where: { caseId: target.id } })).toBe(0);
    const { tasks } = await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "NSM", stage: "REQUEST_SUBMITTED", confirmNsm: "on", occurredOn: "2026-06-01" }), ip));
    expect(tasks.map((t) => [t.ruleKey, t.dueOn.toISOString().slice(0, 10)])).toEqual([["nsm.eligibilityDecision", "2026-07-01"]]);
  });

  it("refuses a resettlement without a programme and a start at a later stage", async () => {
    const target = await newCase();
    await expect(testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "RESETTLEMENT", stage: "NEEDS_ASSESSED" }), ip))).rejects.toMatchObject({ field: "programmeId" });
    await expect(testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "CRIMINAL", stage: "VERDICT" }), ip))).rejects.toMatchObject({ field: "stage" });
  });
});

describe("deadlines settled by the step they wait for", () => {
  it("closes the appeal deadline when the appeal is filed, with the stage and its date, and audits it", async () => {
    const target = await newCase();
    await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "CRIMINAL", stage: "CHARGED" }), ip));
    const p = await testDb.proceeding.findFirstOrThrow({ where: { caseId: target.id } });
    await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: 1, fromStage: "CHARGED", toStage: "VERDICT", occurredOn: "2026-03-02" }), ip));
    const [appeal] = await testDb.task.findMany({ where: { proceedingId: p.id, ruleKey: "criminal.appeal" } });
    expect(appeal.completedAt).toBeNull();
    // A task a person wrote on the same proceeding is theirs to close.
    const own = await testDb.task.create({ data: { caseId: target.id, proceedingId: p.id, title: "Visit the client", dueOn: new Date("2026-04-01"), origin: "PERSON" } });

    await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: 2, fromStage: "VERDICT", toStage: "APPEAL", occurredOn: "2026-03-20" }), ip));
    const settled = await testDb.task.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(settled.completedAt).not.toBeNull();
    expect([settled.metByStage, settled.metOn?.toISOString().slice(0, 10), settled.completedById]).toEqual(["APPEAL", "2026-03-20", caseworker.id]);
    expect((await testDb.task.findUniqueOrThrow({ where: { id: own.id } })).completedAt).toBeNull();
    const [row] = await testDb.auditLog.findMany({ where: { entityId: appeal.id, action: "task.update" } });
    expect(row.detail).toEqual({ metBy: "APPEAL", rule: "criminal.appeal", on: "2026-03-20" });
  });

  it("reopens the deadline, rather than making a second one, when the proceeding moves back to the stage that started it", async () => {
    const target = await newCase();
    await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "CRIMINAL", stage: "CHARGED" }), ip));
    const p = await testDb.proceeding.findFirstOrThrow({ where: { caseId: target.id } });
    await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: 1, fromStage: "CHARGED", toStage: "VERDICT", occurredOn: "2026-03-02" }), ip));
    await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: 2, fromStage: "VERDICT", toStage: "APPEAL", occurredOn: "2026-03-20" }), ip));
    // A graph where an appeal recorded by mistake can be taken back (none ships with that move today).
    GRAPHS.CRIMINAL.transitions.APPEAL.push("VERDICT");
    try {
      await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: 3, fromStage: "APPEAL", toStage: "VERDICT", occurredOn: "2026-03-21" }), ip));
    } finally {
      GRAPHS.CRIMINAL.transitions.APPEAL.pop();
    }
    const tasks = await testDb.task.findMany({ where: { proceedingId: p.id, ruleKey: "criminal.appeal" } });
    expect(tasks).toHaveLength(1);
    expect([tasks[0].completedAt, tasks[0].metByStage, tasks[0].metOn, tasks[0].dueOn.toISOString().slice(0, 10)]).toEqual([null, null, null, "2026-04-02"]);
  });

  it("every rule's settling stages exist in its graph and can follow the stage that starts it", () => {
    for (const graph of Object.values(GRAPHS)) {
      for (const rule of graph.deadlineRules) {
        const reachable = new Set<string>();
        const visit = (stage: string) => {
          for (const next of graph.transitions[stage] ?? []) if (!reachable.has(next)) reachable.add(next), visit(next);
        };
        visit(rule.onStage);
        for (const stage of rule.metBy) expect(reachable.has(stage), `${rule.key}: ${stage}`).toBe(true);
      }
    }
  });
});

describe("consequences of a move", () => {
  it("departing to South Korea ends the open detention that day, in the move's transaction, audited", async () => {
    const target = await newCase("KP");
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: target.id } });
    const facility = await testDb.facility.create({ data: { name: `IDC ${tag()}`, kind: "BANGKOK_IDC" } });
    const episode = await testDb.detentionEpisode.create({ data: { caseId: target.id, personId: person.id, facilityId: facility.id, startedOn: new Date("2026-01-05") } });
    // A later episode that had not begun by the departure date is not touched.
    const later = await testDb.detentionEpisode.create({ data: { caseId: target.id, personId: person.id, facilityId: facility.id, startedOn: new Date("2026-03-01"), releasedOn: null } });
    await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "TRANSFER_TO_KOREA", stage: "ARRIVED", occurredOn: "2026-01-01" }), ip));
    const p = await testDb.proceeding.findFirstOrThrow({ where: { caseId: target.id } });
    const stages = ["SURRENDERED", "SENTENCED", "IN_IDC", "EMBASSY_PROCESSING", "TRAVEL_DOCUMENTS_ISSUED", "DEPARTED"];
    let from = "ARRIVED";
    for (const [index, toStage] of stages.entries()) {
      await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: index + 1, fromStage: from, toStage, occurredOn: "2026-02-10" }), ip));
      from = toStage;
    }
    const ended = await testDb.detentionEpisode.findUniqueOrThrow({ where: { id: episode.id } });
    expect([ended.releasedOn?.toISOString().slice(0, 10), ended.releaseReason, ended.version]).toEqual(["2026-02-10", "Departed to South Korea", 2]);
    expect((await testDb.detentionEpisode.findUniqueOrThrow({ where: { id: later.id } })).releasedOn).toBeNull();
    const [row] = await testDb.auditLog.findMany({ where: { entityId: episode.id, action: "detention.update" } });
    expect(row.detail).toEqual({ consequenceOf: "TRANSFER_TO_KOREA:DEPARTED" });
    // Closing the case is proposed in the same move, for a supervisor to decide.
    const requests = await testDb.closureRequest.findMany({ where: { caseId: target.id } });
    expect(requests.map((r) => [r.status, r.reason, r.requestedById])).toEqual([["PENDING", "Departed to South Korea on 2026-02-10: proposed by the move, for a supervisor to decide.", caseworker.id]]);
    expect(await testDb.auditLog.count({ where: { entityId: requests[0].id, action: "closure.request" } })).toBe(1);
  });

  it("a deportation carried out proposes closure only when none is waiting", async () => {
    const target = await newCase("VN");
    await testDb.closureRequest.create({ data: { caseId: target.id, requestedById: caseworker.id, reason: "Asked earlier by hand" } });
    await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "DEPORTATION_EXTRADITION", stage: "ORDER_RECEIVED", occurredOn: "2026-01-05" }), ip));
    const p = await testDb.proceeding.findFirstOrThrow({ where: { caseId: target.id } });
    let from = "ORDER_RECEIVED";
    for (const [index, toStage] of ["COURT_HEARINGS", "ORDER_APPROVED", "CARRIED_OUT"].entries()) {
      await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: index + 1, fromStage: from, toStage, occurredOn: "2026-02-10" }), ip));
      from = toStage;
    }
    expect((await testDb.closureRequest.findMany({ where: { caseId: target.id } })).map((r) => r.reason)).toEqual(["Asked earlier by hand"]);
    // The appeal deadline the approval started is settled by the removal itself.
    expect((await testDb.task.findFirstOrThrow({ where: { proceedingId: p.id } })).metByStage).toBe("CARRIED_OUT");
  });

  it("moves with no consequence leave detention alone", async () => {
    const target = await newCase("VN");
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: target.id } });
    const facility = await testDb.facility.create({ data: { name: `Police ${tag()}`, kind: "POLICE_STATION" } });
    const episode = await testDb.detentionEpisode.create({ data: { caseId: target.id, personId: person.id, facilityId: facility.id, startedOn: new Date("2026-01-05") } });
    await testDb.$transaction((tx) => openProceeding(tx, target.access, open({ type: "CRIMINAL", stage: "ARRESTED", occurredOn: "2026-01-05" }), ip));
    const p = await testDb.proceeding.findFirstOrThrow({ where: { caseId: target.id } });
    await testDb.$transaction((tx) => moveProceeding(tx, target.access, p.id, move({ version: 1, fromStage: "ARRESTED", toStage: "CHARGED", occurredOn: "2026-01-06" }), ip));
    expect((await testDb.detentionEpisode.findUniqueOrThrow({ where: { id: episode.id } })).releasedOn).toBeNull();
  });
});
