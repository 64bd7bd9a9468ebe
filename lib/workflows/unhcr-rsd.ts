import type { StageGraph } from "./types";

// UNHCR refugee status determination, with appeal and reopening.
export const unhcrRsd: StageGraph = {
  type: "UNHCR_RSD",
  initial: ["REGISTERED"],
  stages: ["REGISTERED", "INTERVIEW_SCHEDULED", "INTERVIEWED", "RECOGNISED", "REJECTED", "APPEAL_FILED", "APPEAL_RECOGNISED", "APPEAL_REJECTED", "CLOSED", "REOPENED"],
  transitions: {
    REGISTERED: ["INTERVIEW_SCHEDULED", "CLOSED"],
    INTERVIEW_SCHEDULED: ["INTERVIEWED", "CLOSED"],
    INTERVIEWED: ["RECOGNISED", "REJECTED"],
    RECOGNISED: ["CLOSED"],
    REJECTED: ["APPEAL_FILED", "CLOSED"],
    APPEAL_FILED: ["APPEAL_RECOGNISED", "APPEAL_REJECTED"],
    APPEAL_RECOGNISED: ["CLOSED"],
    APPEAL_REJECTED: ["CLOSED", "REOPENED"],
    CLOSED: ["REOPENED"],
    REOPENED: ["INTERVIEW_SCHEDULED", "CLOSED"],
  },
  final: ["CLOSED"],
  expectedDocuments: {
    REGISTERED: ["UNHCR_CERTIFICATE"],
  },
  deadlineRules: [
    { key: "rsd.appeal", onStage: "REJECTED", from: "event", period: { amount: 30, unit: "days" }, title: "rsdAppeal", assignTo: "counsel", metBy: ["APPEAL_FILED", "CLOSED"] },
    { key: "rsd.certificateRenewal", onStage: "REGISTERED", from: "certificateExpiry", period: { amount: -30, unit: "days" }, title: "certificateRenewal", assignTo: "caseworker", metBy: [] },
  ],
};
