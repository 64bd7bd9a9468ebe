import type { StageGraph } from "./types";

// Criminal case for illegal entry or stay.
export const criminal: StageGraph = {
  type: "CRIMINAL",
  initial: ["ARRESTED", "CHARGED"],
  stages: ["ARRESTED", "CHARGED", "HEARINGS", "VERDICT", "APPEAL", "FINAL"],
  transitions: {
    ARRESTED: ["CHARGED"],
    CHARGED: ["HEARINGS", "VERDICT"],
    HEARINGS: ["VERDICT"],
    VERDICT: ["APPEAL", "FINAL"],
    APPEAL: ["FINAL"],
    FINAL: [],
  },
  final: ["FINAL"],
  expectedDocuments: {
    VERDICT: ["COURT_ORDER"],
  },
  deadlineRules: [{ key: "criminal.appeal", onStage: "VERDICT", from: "event", period: { amount: 1, unit: "months" }, title: "criminalAppeal", assignTo: "counsel", metBy: ["APPEAL", "FINAL"] }],
};
