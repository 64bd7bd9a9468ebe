import type { StageGraph } from "./types";

// North Korean defectors: surrender, sentence, IDC, embassy processing and
// departure to South Korea. Stalled and repatriation risk are side states a
// proceeding can enter from any open stage and leave back to one.
const MAIN = ["ARRIVED", "SURRENDERED", "SENTENCED", "IN_IDC", "EMBASSY_PROCESSING", "TRAVEL_DOCUMENTS_ISSUED", "DEPARTED", "HANDED_OVER"];
const SIDE = ["STALLED", "REPATRIATION_RISK"];
const RESUMABLE = MAIN.slice(0, 6);

export const transferToKorea: StageGraph = {
  type: "TRANSFER_TO_KOREA",
  initial: ["ARRIVED", "SURRENDERED"],
  stages: [...MAIN, ...SIDE],
  transitions: {
    ARRIVED: ["SURRENDERED", ...SIDE],
    SURRENDERED: ["SENTENCED", ...SIDE],
    SENTENCED: ["IN_IDC", ...SIDE],
    IN_IDC: ["EMBASSY_PROCESSING", ...SIDE],
    EMBASSY_PROCESSING: ["TRAVEL_DOCUMENTS_ISSUED", ...SIDE],
    TRAVEL_DOCUMENTS_ISSUED: ["DEPARTED", ...SIDE],
    DEPARTED: ["HANDED_OVER"],
    HANDED_OVER: [],
    STALLED: [...RESUMABLE, "REPATRIATION_RISK"],
    REPATRIATION_RISK: [...RESUMABLE, "STALLED"],
  },
  final: ["HANDED_OVER"],
  expectedDocuments: {
    SENTENCED: ["COURT_ORDER"],
    TRAVEL_DOCUMENTS_ISSUED: ["TRAVEL_DOCUMENT"],
  },
  deadlineRules: [],
};
