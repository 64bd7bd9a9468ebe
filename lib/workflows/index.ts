// The six stage graphs and the pure functions that read them.
import { criminal } from "./criminal";
import { deportationExtradition } from "./deportation-extradition";
import { nsm } from "./nsm";
import { resettlement } from "./resettlement";
import { transferToKorea } from "./transfer-to-korea";
import { PROCEEDING_TYPES, type DeadlineRule, type ProceedingType, type StageGraph } from "./types";
import { unhcrRsd } from "./unhcr-rsd";

export * from "./types";

export const GRAPHS: Record<ProceedingType, StageGraph> = {
  TRANSFER_TO_KOREA: transferToKorea,
  UNHCR_RSD: unhcrRsd,
  RESETTLEMENT: resettlement,
  NSM: nsm,
  CRIMINAL: criminal,
  DEPORTATION_EXTRADITION: deportationExtradition,
};

export function isProceedingType(value: unknown): value is ProceedingType {
  return typeof value === "string" && (PROCEEDING_TYPES as readonly string[]).includes(value);
}

export function allowedNextStages(type: ProceedingType, stage: string): string[] {
  return GRAPHS[type].transitions[stage] ?? [];
}

export function canTransition(type: ProceedingType, from: string, to: string): boolean {
  return allowedNextStages(type, from).includes(to);
}

export function isFinalStage(type: ProceedingType, stage: string): boolean {
  return GRAPHS[type].final.includes(stage);
}

/** Why a transition is refused, or null when it is allowed. */
export function transitionError(type: ProceedingType, from: string, to: string): "unknownStage" | "finalStage" | "notAllowed" | null {
  const graph = GRAPHS[type];
  if (!graph.stages.includes(to) || !graph.stages.includes(from)) return "unknownStage";
  if (canTransition(type, from, to)) return null;
  return isFinalStage(type, from) && allowedNextStages(type, from).length === 0 ? "finalStage" : "notAllowed";
}

export function deadlineRules(): DeadlineRule[] {
  return Object.values(GRAPHS).flatMap((graph) => graph.deadlineRules);
}

export function rulesForStage(type: ProceedingType, stage: string): DeadlineRule[] {
  return GRAPHS[type].deadlineRules.filter((rule) => rule.onStage === stage);
}
