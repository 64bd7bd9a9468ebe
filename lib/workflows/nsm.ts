import type { StageGraph } from "./types";

// Thailand's National Screening Mechanism (protected-person status).
// Not available to North Korean defectors: opening one for them warns.
export const nsm: StageGraph = {
  type: "NSM",
  initial: ["REQUEST_SUBMITTED"],
  stages: ["REQUEST_SUBMITTED", "ELIGIBLE", "DISMISSED", "COMMITTEE_APPEAL", "APPEAL_DISMISSED", "APPLICATION_SUBMITTED", "INTERVIEW", "PROTECTED", "DENIED"],
  transitions: {
    REQUEST_SUBMITTED: ["ELIGIBLE", "DISMISSED"],
    DISMISSED: ["COMMITTEE_APPEAL", "APPEAL_DISMISSED"],
    COMMITTEE_APPEAL: ["ELIGIBLE", "APPEAL_DISMISSED"],
    ELIGIBLE: ["APPLICATION_SUBMITTED"],
    APPLICATION_SUBMITTED: ["INTERVIEW"],
    INTERVIEW: ["PROTECTED", "DENIED"],
    APPEAL_DISMISSED: [],
    PROTECTED: [],
    DENIED: [],
  },
  final: ["APPEAL_DISMISSED", "PROTECTED", "DENIED"],
  deadlineRules: [
    { key: "nsm.eligibilityDecision", onStage: "REQUEST_SUBMITTED", from: "event", period: { amount: 30, unit: "days" }, title: "nsmEligibilityDecision", assignTo: "caseworker", metBy: ["ELIGIBLE", "DISMISSED"] },
    { key: "nsm.committeeAppeal", onStage: "DISMISSED", from: "event", period: { amount: 15, unit: "days" }, title: "nsmCommitteeAppeal", assignTo: "counsel", metBy: ["COMMITTEE_APPEAL", "APPEAL_DISMISSED"] },
    { key: "nsm.application", onStage: "ELIGIBLE", from: "event", period: { amount: 60, unit: "days" }, title: "nsmApplication", assignTo: "caseworker", metBy: ["APPLICATION_SUBMITTED"] },
  ],
};
