import type { StageGraph } from "./types";

// Deportation or extradition. Any open proceeding of this type marks the
// case "refoulement risk".
export const deportationExtradition: StageGraph = {
  type: "DEPORTATION_EXTRADITION",
  initial: ["ORDER_RECEIVED"],
  stages: ["ORDER_RECEIVED", "COURT_HEARINGS", "ORDER_APPROVED", "ORDER_REFUSED", "APPEAL_FILED", "APPEAL_DECIDED", "CARRIED_OUT", "HALTED"],
  transitions: {
    ORDER_RECEIVED: ["COURT_HEARINGS", "HALTED"],
    COURT_HEARINGS: ["ORDER_APPROVED", "ORDER_REFUSED"],
    ORDER_APPROVED: ["APPEAL_FILED", "CARRIED_OUT", "HALTED"],
    ORDER_REFUSED: ["APPEAL_FILED", "HALTED"],
    APPEAL_FILED: ["APPEAL_DECIDED"],
    APPEAL_DECIDED: ["CARRIED_OUT", "HALTED"],
    CARRIED_OUT: [],
    HALTED: [],
  },
  final: ["CARRIED_OUT", "HALTED"],
  expectedDocuments: {
    ORDER_RECEIVED: ["COURT_ORDER"],
  },
  deadlineRules: [
    { key: "deportation.appealApproved", onStage: "ORDER_APPROVED", from: "event", period: { amount: 30, unit: "days" }, title: "deportationAppeal", assignTo: "counsel", metBy: ["APPEAL_FILED", "CARRIED_OUT", "HALTED"] },
    { key: "deportation.appealRefused", onStage: "ORDER_REFUSED", from: "event", period: { amount: 30, unit: "days" }, title: "deportationAppeal", assignTo: "counsel", metBy: ["APPEAL_FILED", "HALTED"] },
  ],
};
