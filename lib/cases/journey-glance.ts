// The journey at a glance: the few dates that tell a person's path through
// Thailand (arrival, surrender or arrest, detention, sentence end, release
// or departure) in the order they happened, each with the days since the
// one before, and the days spent in detention. Pure: the facts come in.
import { calendarDaysBetween, type CalendarDate } from "@/lib/dates";
import { detentionDays } from "@/lib/detention/days";

export const MILESTONES = ["arrived", "surrendered", "arrested", "detained", "sentenceEnds", "released", "departed", "deported"] as const;
export type MilestoneKey = (typeof MILESTONES)[number];

export type JourneyFacts = Partial<Record<MilestoneKey, CalendarDate | null>> & {
  /** Someone of the household is held today (an episode with no release). */
  stillDetained: boolean;
};

export type Milestone = {
  key: MilestoneKey;
  on: CalendarDate;
  /** Days since the milestone before it, and which one that was (none for the first). */
  since: { key: MilestoneKey; days: number } | null;
  /** A date still to come (a sentence that has not ended). */
  ahead: boolean;
};

export function journeyAtAGlance(facts: JourneyFacts, today: CalendarDate): { milestones: Milestone[]; detentionDays: number | null } {
  const dated = MILESTONES.flatMap((key) => {
    const on = facts[key];
    return on ? [{ key, on }] : [];
  })
    // A release on the day of departure is the departure (the move ended the detention): shown once.
    .filter((m) => !(m.key === "released" && (m.on === facts.departed || m.on === facts.deported)));
  // In the order they happened; on the same day, in the order of a journey (MILESTONES).
  const ordered = dated.sort((a, b) => (a.on === b.on ? MILESTONES.indexOf(a.key) - MILESTONES.indexOf(b.key) : a.on < b.on ? -1 : 1));
  const milestones = ordered.map((m, index): Milestone => {
    const before = ordered[index - 1];
    return { ...m, since: before ? { key: before.key, days: calendarDaysBetween(before.on, m.on) } : null, ahead: m.on > today };
  });
  const detainedOn = facts.detained;
  const endedOn = facts.stillDetained ? null : (facts.released ?? facts.departed ?? facts.deported ?? null);
  return { milestones, detentionDays: detainedOn ? detentionDays(detainedOn, endedOn, today) : null };
}
