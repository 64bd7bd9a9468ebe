import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { isoDate } from "@/lib/dates";
import { moveProceeding, openProceeding } from "@/lib/proceedings/transitions";
import { openProceedingSchema, transitionSchema } from "@/lib/proceedings/schema";
import { addClosure, removeClosure } from "./deadlines";
import { storedWorkingOf } from "./working-view";

// The certificate-renewal rule counts back from an expiry, which may lie far
// ahead: expiries in 2097 give this file deadlines no other test shares, so
// the closures it adds move only its own tasks.
let caseworker: Actor;
let team: { id: string };
const ip = "127.0.0.1";

beforeAll(async () => {
  team = await makeTeam("Court calendar");
  caseworker = await makeUser("CASEWORKER", team.id);
});

/** An RSD proceeding whose renewal deadline is 30 days before `expiry`. */
async function renewalDue(expiry: string) {
  const created = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Calendar ${tag()}` } });
  const access = await openFor(caseworker, created.code);
  const input = openProceedingSchema.parse({ type: "UNHCR_RSD", stage: "REGISTERED", reason: "Registered", occurredOn: "2026-01-05", reference: "", certificateExpiresOn: expiry, programmeId: "", confirmNsm: "" });
  const { id } = await testDb.$transaction((tx) => openProceeding(tx, access, input, ip));
  const task = await testDb.task.findFirstOrThrow({ where: { proceedingId: id, ruleKey: "rsd.certificateRenewal" } });
  return { access, proceedingId: id, task };
}

describe("court calendar changes recount open deadlines", () => {
  it("moves an open deadline off a new closure, notes and audits it, and leaves closed deadlines alone", async () => {
    // Expiry Thu 2 Aug 2097 − 30 days = Tue 3 Jul 2097.
    const open = await renewalDue("2097-08-02");
    const closed = await renewalDue("2097-08-02");
    expect(isoDate(open.task.dueOn)).toBe("2097-07-03");
    await testDb.task.update({ where: { id: closed.task.id }, data: { completedAt: new Date() } });

    const moved = await testDb.$transaction((tx) => addClosure(tx, { date: "2097-07-03", kind: "CLOSURE", name: "Flood" }, { actorId: caseworker.id, ip }));
    try {
      expect(moved).toBe(1);
      const after = await testDb.task.findUniqueOrThrow({ where: { id: open.task.id } });
      // Counting back, a closed last day moves to the working day before.
      expect(isoDate(after.dueOn)).toBe("2097-07-02");
      expect(after.version).toBe(open.task.version + 1);
      const working = storedWorkingOf(after.working, after.ruleKey);
      expect(working?.recounts).toMatchObject([{ from: "2097-07-03", to: "2097-07-02", change: { change: "added", closure: { date: "2097-07-03", name: "Flood" } } }]);
      expect(working?.moved?.days).toEqual([{ date: "2097-07-03", off: { kind: "closure", name: "Flood" } }]);
      const audit = await testDb.auditLog.findFirstOrThrow({ where: { entityId: open.task.id, action: "task.update" } });
      expect(audit).toMatchObject({ fields: ["dueOn"], caseId: open.access.caseId, detail: { from: "2097-07-03", to: "2097-07-02" } });
      expect(isoDate((await testDb.task.findUniqueOrThrow({ where: { id: closed.task.id } })).dueOn)).toBe("2097-07-03");
    } finally {
      const back = await testDb.$transaction((tx) => removeClosure(tx, "2097-07-03", { actorId: caseworker.id, ip }));
      expect(back).toBe(1);
    }
    const restored = await testDb.task.findUniqueOrThrow({ where: { id: open.task.id } });
    expect(isoDate(restored.dueOn)).toBe("2097-07-03");
    expect(storedWorkingOf(restored.working, restored.ruleKey)?.recounts.map((r) => r.change.change)).toEqual(["added", "removed"]);
  });

  it("refuses a second closure on the same day and removing one that is not there", async () => {
    const context = { actorId: caseworker.id, ip };
    await testDb.$transaction((tx) => addClosure(tx, { date: "2097-09-09", kind: "SUBSTITUTION", name: "Substitution" }, context));
    try {
      await expect(testDb.$transaction((tx) => addClosure(tx, { date: "2097-09-09", kind: "CLOSURE", name: "Again" }, context))).rejects.toMatchObject({ key: "closureExists", field: "date" });
    } finally {
      await testDb.$transaction((tx) => removeClosure(tx, "2097-09-09", context));
    }
    await expect(testDb.$transaction((tx) => removeClosure(tx, "2097-09-09", context))).rejects.toMatchObject({ key: "notFound" });
  });

  it("a new deadline is counted on the calendar as it stands, and keeps its working", async () => {
    const { access, proceedingId } = await renewalDue("2097-10-01");
    const p = await testDb.proceeding.findUniqueOrThrow({ where: { id: proceedingId } });
    const steps = [["REGISTERED", "INTERVIEW_SCHEDULED"], ["INTERVIEW_SCHEDULED", "INTERVIEWED"], ["INTERVIEWED", "REJECTED"]];
    let version = p.version;
    for (const [fromStage, toStage] of steps) {
      // Rejection read Thu 5 Mar 2026: 30 days end Sat 4 Apr; Mon 6 Apr is Chakri Memorial Day: due Tue 7 Apr.
      await testDb.$transaction((tx) => moveProceeding(tx, access, proceedingId, transitionSchema.parse({ version, fromStage, toStage, occurredOn: "2026-03-05", reason: "Step" }), ip));
      version++;
    }
    const appeal = await testDb.task.findFirstOrThrow({ where: { proceedingId, ruleKey: "rsd.appeal" } });
    expect(isoDate(appeal.dueOn)).toBe("2026-04-07");
    expect(isoDate(appeal.countedFrom)).toBe("2026-03-05");
    const working = storedWorkingOf(appeal.working, appeal.ruleKey);
    expect(working).toMatchObject({ trigger: "REJECTED", lastDay: "2026-04-04", due: "2026-04-07", period: { amount: 30, unit: "days" } });
    expect(working?.moved?.days.map((d) => d.off.kind)).toEqual(["weekend", "weekend", "holiday"]);
  });
});
