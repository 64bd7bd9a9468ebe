// How long each kind of free text may be. The schemas refuse more, and the
// forms state the limit beside the field and check it before sending
// (components/ui/field), from these same numbers.
export const TEXT_LIMITS = {
  /** A person's, party's, court's or interpreter's name. */
  name: 200,
  /** A task's title. */
  title: 300,
  /** Why: a referral, a consent's withdrawal, a guest's access. */
  shortReason: 1_000,
  /** Why a stage moved, a closure, a hold; a hearing's outcome. */
  reason: 2_000,
  /** What happened: a protection incident. */
  description: 5_000,
  /** A note or visit record. */
  note: 10_000,
} as const;
