// What a move implies for the case's other records, as data beside the
// stage graphs: a person who has left Thailand is no longer detained. The
// transitions module applies these in the move's own transaction and audits
// each; the move form says what will change before it is confirmed.
import type { ProceedingType } from "./types";

export type Consequence = {
  /** The open detention episodes of the case end on the move's date, with this reason. */
  endDetention: { reason: string };
  /** A closure request is made for a supervisor to decide, unless one is waiting or the case is closed. */
  proposeClosure: boolean;
};

/**
 * The consequences table. A release recorded by hand needs no row: the
 * detention flags are worked out from the open episodes, so they clear with it.
 */
const LEFT_THAILAND: Partial<Record<ProceedingType, Record<string, Consequence>>> = {
  TRANSFER_TO_KOREA: { DEPARTED: { endDetention: { reason: "Departed to South Korea" }, proposeClosure: true } },
  RESETTLEMENT: { DEPARTED: { endDetention: { reason: "Departed for resettlement" }, proposeClosure: true } },
  DEPORTATION_EXTRADITION: { CARRIED_OUT: { endDetention: { reason: "Deported or extradited" }, proposeClosure: true } },
};

/** What moving a proceeding of this type to this stage changes elsewhere, if anything. */
export function consequenceOf(type: ProceedingType, stage: string): Consequence | null {
  return LEFT_THAILAND[type]?.[stage] ?? null;
}
