import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { ConflictError } from "@/lib/locking";
import { Refusal } from "@/lib/refusal";
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
      ["rsd.appeal", "2026-04-04", counsel.id],
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
