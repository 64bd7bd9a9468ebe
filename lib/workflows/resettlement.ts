import type { StageGraph } from "./types";

// Resettlement to a third country through a programme. ON_HOLD is entered
// when the programme is suspended and left back to the stage before it.
const OPEN_STAGES = ["NEEDS_ASSESSED", "SUBMITTED", "COUNTRY_INTERVIEW", "CHECKS", "ACCEPTED", "EXIT_CLEARANCE"];

export const resettlement: StageGraph = {
  type: "RESETTLEMENT",
  initial: ["NEEDS_ASSESSED"],
  stages: [...OPEN_STAGES, "REJECTED", "DEPARTED", "ON_HOLD", "WITHDRAWN"],
  transitions: {
    NEEDS_ASSESSED: ["SUBMITTED", "ON_HOLD", "WITHDRAWN"],
    SUBMITTED: ["COUNTRY_INTERVIEW", "ON_HOLD", "WITHDRAWN"],
    COUNTRY_INTERVIEW: ["CHECKS", "ON_HOLD", "WITHDRAWN"],
    CHECKS: ["ACCEPTED", "REJECTED", "ON_HOLD", "WITHDRAWN"],
    ACCEPTED: ["EXIT_CLEARANCE", "ON_HOLD", "WITHDRAWN"],
    EXIT_CLEARANCE: ["DEPARTED", "ON_HOLD", "WITHDRAWN"],
    ON_HOLD: [...OPEN_STAGES, "WITHDRAWN"],
    REJECTED: [],
    DEPARTED: [],
    WITHDRAWN: [],
  },
  final: ["REJECTED", "DEPARTED", "WITHDRAWN"],
  expectedDocuments: {
    EXIT_CLEARANCE: ["FINE_RECEIPT", "TRAVEL_DOCUMENT"],
  },
  deadlineRules: [],
};
