import { describe, expect, it } from "vitest";
import { allowedNextStages, canTransition, deadlineRules, GRAPHS, isFinalStage, PROCEEDING_TYPES, rulesForStage, transitionError } from "./index";

// Every allowed transition, written out independently of the graphs: a
// change to a graph must change this table too.
const ALLOWED: Record<string, string> = {
  TRANSFER_TO_KOREA: `
    ARRIVED>SURRENDERED ARRIVED>STALLED ARRIVED>REPATRIATION_RISK
    SURRENDERED>SENTENCED SURRENDERED>STALLED SURRENDERED>REPATRIATION_RISK
    SENTENCED>IN_IDC SENTENCED>STALLED SENTENCED>REPATRIATION_RISK
    IN_IDC>EMBASSY_PROCESSING IN_IDC>STALLED IN_IDC>REPATRIATION_RISK
    EMBASSY_PROCESSING>TRAVEL_DOCUMENTS_ISSUED EMBASSY_PROCESSING>STALLED EMBASSY_PROCESSING>REPATRIATION_RISK
    TRAVEL_DOCUMENTS_ISSUED>DEPARTED TRAVEL_DOCUMENTS_ISSUED>STALLED TRAVEL_DOCUMENTS_ISSUED>REPATRIATION_RISK
    DEPARTED>HANDED_OVER
    STALLED>ARRIVED STALLED>SURRENDERED STALLED>SENTENCED STALLED>IN_IDC STALLED>EMBASSY_PROCESSING STALLED>TRAVEL_DOCUMENTS_ISSUED STALLED>REPATRIATION_RISK
    REPATRIATION_RISK>ARRIVED REPATRIATION_RISK>SURRENDERED REPATRIATION_RISK>SENTENCED REPATRIATION_RISK>IN_IDC REPATRIATION_RISK>EMBASSY_PROCESSING REPATRIATION_RISK>TRAVEL_DOCUMENTS_ISSUED REPATRIATION_RISK>STALLED`,
  UNHCR_RSD: `
    REGISTERED>INTERVIEW_SCHEDULED REGISTERED>CLOSED INTERVIEW_SCHEDULED>INTERVIEWED INTERVIEW_SCHEDULED>CLOSED
    INTERVIEWED>RECOGNISED INTERVIEWED>REJECTED RECOGNISED>CLOSED REJECTED>APPEAL_FILED REJECTED>CLOSED
    APPEAL_FILED>APPEAL_RECOGNISED APPEAL_FILED>APPEAL_REJECTED APPEAL_RECOGNISED>CLOSED APPEAL_REJECTED>CLOSED APPEAL_REJECTED>REOPENED
    CLOSED>REOPENED REOPENED>INTERVIEW_SCHEDULED REOPENED>CLOSED`,
  RESETTLEMENT: `
    NEEDS_ASSESSED>SUBMITTED NEEDS_ASSESSED>ON_HOLD NEEDS_ASSESSED>WITHDRAWN SUBMITTED>COUNTRY_INTERVIEW SUBMITTED>ON_HOLD SUBMITTED>WITHDRAWN
    COUNTRY_INTERVIEW>CHECKS COUNTRY_INTERVIEW>ON_HOLD COUNTRY_INTERVIEW>WITHDRAWN CHECKS>ACCEPTED CHECKS>REJECTED CHECKS>ON_HOLD CHECKS>WITHDRAWN
    ACCEPTED>EXIT_CLEARANCE ACCEPTED>ON_HOLD ACCEPTED>WITHDRAWN EXIT_CLEARANCE>DEPARTED EXIT_CLEARANCE>ON_HOLD EXIT_CLEARANCE>WITHDRAWN
    ON_HOLD>NEEDS_ASSESSED ON_HOLD>SUBMITTED ON_HOLD>COUNTRY_INTERVIEW ON_HOLD>CHECKS ON_HOLD>ACCEPTED ON_HOLD>EXIT_CLEARANCE ON_HOLD>WITHDRAWN`,
  NSM: `
    REQUEST_SUBMITTED>ELIGIBLE REQUEST_SUBMITTED>DISMISSED DISMISSED>COMMITTEE_APPEAL DISMISSED>APPEAL_DISMISSED
    COMMITTEE_APPEAL>ELIGIBLE COMMITTEE_APPEAL>APPEAL_DISMISSED ELIGIBLE>APPLICATION_SUBMITTED APPLICATION_SUBMITTED>INTERVIEW
    INTERVIEW>PROTECTED INTERVIEW>DENIED`,
  CRIMINAL: `ARRESTED>CHARGED CHARGED>HEARINGS CHARGED>VERDICT HEARINGS>VERDICT VERDICT>APPEAL VERDICT>FINAL APPEAL>FINAL`,
  DEPORTATION_EXTRADITION: `
    ORDER_RECEIVED>COURT_HEARINGS ORDER_RECEIVED>HALTED COURT_HEARINGS>ORDER_APPROVED COURT_HEARINGS>ORDER_REFUSED
    ORDER_APPROVED>APPEAL_FILED ORDER_APPROVED>CARRIED_OUT ORDER_APPROVED>HALTED ORDER_REFUSED>APPEAL_FILED ORDER_REFUSED>HALTED
    APPEAL_FILED>APPEAL_DECIDED APPEAL_DECIDED>CARRIED_OUT APPEAL_DECIDED>HALTED`,
};

describe.each(PROCEEDING_TYPES)("%s stage graph", (type) => {
  const graph = GRAPHS[type];
  const allowed = new Set(ALLOWED[type].trim().split(/\s+/));

  it("allows exactly the listed transitions, and refuses every other pair of stages", () => {
    for (const from of graph.stages) {
      for (const to of graph.stages) {
        const expected = allowed.has(`${from}>${to}`);
        expect(canTransition(type, from, to), `${from} → ${to}`).toBe(expected);
        expect(transitionError(type, from, to) === null, `${from} → ${to}`).toBe(expected);
      }
    }
    expect(graph.stages.flatMap((from) => allowedNextStages(type, from).map((to) => `${from}>${to}`)).sort()).toEqual([...allowed].sort());
  });

  it("names only known stages, starts at known stages and can end", () => {
    for (const [from, targets] of Object.entries(graph.transitions)) {
      expect(graph.stages).toContain(from);
      for (const to of targets) expect(graph.stages).toContain(to);
    }
    for (const stage of [...graph.initial, ...graph.final]) expect(graph.stages).toContain(stage);
    expect(graph.final.length).toBeGreaterThan(0);
  });

  it("refuses unknown stages", () => {
    expect(transitionError(type, graph.initial[0], "NOT_A_STAGE")).toBe("unknownStage");
    expect(transitionError(type, "NOT_A_STAGE", graph.stages[0])).toBe("unknownStage");
  });
});

describe("final stages", () => {
  it("end a proceeding and say so when a move is attempted", () => {
    expect(isFinalStage("TRANSFER_TO_KOREA", "HANDED_OVER")).toBe(true);
    expect(transitionError("TRANSFER_TO_KOREA", "HANDED_OVER", "IN_IDC")).toBe("finalStage");
    expect(transitionError("CRIMINAL", "FINAL", "APPEAL")).toBe("finalStage");
    // A closed RSD can still be reopened: it is final, but not a dead end.
    expect(transitionError("UNHCR_RSD", "CLOSED", "INTERVIEWED")).toBe("notAllowed");
  });
});

describe("deadline rules", () => {
  it("have the defaults of the domain (docs/domain.md)", () => {
    const byKey = Object.fromEntries(deadlineRules().map((rule) => [rule.key, rule.period]));
    expect(byKey).toEqual({
      "rsd.appeal": { amount: 30, unit: "days" },
      "rsd.certificateRenewal": { amount: -30, unit: "days" },
      "nsm.eligibilityDecision": { amount: 30, unit: "days" },
      "nsm.committeeAppeal": { amount: 15, unit: "days" },
      "nsm.application": { amount: 60, unit: "days" },
      "criminal.appeal": { amount: 1, unit: "months" },
      "deportation.appealApproved": { amount: 30, unit: "days" },
      "deportation.appealRefused": { amount: 30, unit: "days" },
    });
  });

  it("fire on the stage that starts the clock", () => {
    expect(rulesForStage("UNHCR_RSD", "REJECTED").map((r) => r.key)).toEqual(["rsd.appeal"]);
    expect(rulesForStage("CRIMINAL", "VERDICT").map((r) => r.key)).toEqual(["criminal.appeal"]);
    expect(rulesForStage("DEPORTATION_EXTRADITION", "ORDER_APPROVED").map((r) => r.key)).toEqual(["deportation.appealApproved"]);
    expect(rulesForStage("NSM", "DISMISSED").map((r) => r.key)).toEqual(["nsm.committeeAppeal"]);
    expect(rulesForStage("CRIMINAL", "HEARINGS")).toEqual([]);
  });

  it("are unique by key and attached to real stages", () => {
    const keys = deadlineRules().map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const graph of Object.values(GRAPHS)) for (const rule of graph.deadlineRules) expect(graph.stages).toContain(rule.onStage);
  });
});
