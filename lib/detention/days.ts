// Days in detention and the flags supervisors watch. All dates are calendar
// dates ("YYYY-MM-DD"); "today" is Bangkok's date, so the count changes at
// midnight in Bangkok, not in UTC. Counting is inclusive: the day a person
// is detained is day 1.
import { addCalendarDays, calendarDaysBetween } from "@/lib/dates";

export type DetentionFlag = "PAST_SENTENCE" | "OVER_30_DAYS" | "OVER_60_DAYS";

export function detentionDays(startedOn: string, releasedOn: string | null, today: string): number {
  const end = releasedOn ?? today;
  return Math.max(0, calendarDaysBetween(startedOn, end) + 1);
}

export function detentionFlags(episode: { startedOn: string; sentenceEndsOn: string | null; releasedOn: string | null }, today: string): DetentionFlag[] {
  const days = detentionDays(episode.startedOn, episode.releasedOn, today);
  const end = episode.releasedOn ?? today;
  const flags: DetentionFlag[] = [];
  if (episode.sentenceEndsOn && end > episode.sentenceEndsOn) flags.push("PAST_SENTENCE");
  if (days > 30) flags.push("OVER_30_DAYS");
  if (days > 60) flags.push("OVER_60_DAYS");
  return flags;
}

/**
 * The latest start date of a detention still open today that has lasted more
 * than `days` days (detentionDays > days): lists that count the long-held in
 * SQL compare start dates with this, so the count and the flags agree.
 */
export function startedOnOrBeforeForMoreThan(days: number, today: string): string {
  return addCalendarDays(today, -days);
}

/** Whether two detention periods share a day; an open period (no release) runs on indefinitely. */
export function periodsOverlap(a: { startedOn: string; releasedOn: string | null }, b: { startedOn: string; releasedOn: string | null }): boolean {
  const aEnd = a.releasedOn ?? "9999-12-31";
  const bEnd = b.releasedOn ?? "9999-12-31";
  return a.startedOn <= bEnd && b.startedOn <= aEnd;
}
