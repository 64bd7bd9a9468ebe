import "server-only";
// The dates the journey at a glance is drawn from, read from the records
// that hold them: the journey's arrival, the stages reached (surrender,
// arrest, departure, removal) on the day they happened, and detention.
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate, todayInBangkok, type CalendarDate } from "@/lib/dates";
import { journeyAtAGlance, type JourneyFacts, type MilestoneKey } from "./journey-glance";

// Which stage of which proceeding marks which milestone.
const STAGE_MILESTONES: { type: string; stage: string; key: MilestoneKey }[] = [
  { type: "TRANSFER_TO_KOREA", stage: "SURRENDERED", key: "surrendered" },
  { type: "CRIMINAL", stage: "ARRESTED", key: "arrested" },
  { type: "TRANSFER_TO_KOREA", stage: "DEPARTED", key: "departed" },
  { type: "RESETTLEMENT", stage: "DEPARTED", key: "departed" },
  { type: "DEPORTATION_EXTRADITION", stage: "CARRIED_OUT", key: "deported" },
];

const MILESTONE_STAGES = [...new Set(STAGE_MILESTONES.map((m) => m.stage))];

const earliest = (a: CalendarDate | null | undefined, b: CalendarDate) => (a && a < b ? a : b);
const latest = (a: CalendarDate | null | undefined, b: CalendarDate) => (a && a > b ? a : b);

/** What the journey at a glance reads of a case: the milestones reached and the detentions (read with the overview, ./overview). */
export const JOURNEY_FACTS = {
  proceedings: { select: { type: true, stageChanges: { where: { toStage: { in: MILESTONE_STAGES } }, select: { toStage: true, occurredOn: true } } } },
  detentions: { select: { startedOn: true, sentenceEndsOn: true, releasedOn: true } },
} satisfies Prisma.CaseSelect;

/** The journey at a glance from those facts; `journey`: the case file's, which holds the arrival. */
export function journeyGlanceOf(
  { proceedings, detentions: episodes }: Prisma.CaseGetPayload<{ select: typeof JOURNEY_FACTS }>,
  journey: { entryDate: Date | null } | null,
) {
  const changes = proceedings.flatMap((proceeding) => proceeding.stageChanges.map((change) => ({ ...change, proceeding })));

  const facts: JourneyFacts = { arrived: journey?.entryDate ? isoDate(journey.entryDate) : null, stillDetained: episodes.some((e) => !e.releasedOn) };
  for (const change of changes) {
    const milestone = STAGE_MILESTONES.find((m) => m.type === change.proceeding.type && m.stage === change.toStage);
    // A stage reached twice (moved back and forward again): the first time counts.
    if (milestone) facts[milestone.key] = earliest(facts[milestone.key], isoDate(change.occurredOn));
  }
  for (const episode of episodes) {
    facts.detained = earliest(facts.detained, isoDate(episode.startedOn));
    if (episode.sentenceEndsOn) facts.sentenceEnds = latest(facts.sentenceEnds, isoDate(episode.sentenceEndsOn));
    if (episode.releasedOn && !facts.stillDetained) facts.released = latest(facts.released, isoDate(episode.releasedOn));
  }
  return journeyAtAGlance(facts, todayInBangkok());
}
