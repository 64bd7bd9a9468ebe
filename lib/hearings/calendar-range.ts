// The periods the hearings page shows, in Bangkok calendar days.
import { z } from "zod";
import { todayInBangkok } from "@/lib/dates";
import { parseIsoDate } from "@/lib/validation/dates";
import { PROCEEDING_TYPES } from "@/lib/workflows";

export const HEARING_VIEWS = ["agenda", "week", "month"] as const;
export type HearingView = (typeof HEARING_VIEWS)[number];

const optionalUuid = z.string().uuid().optional().catch(undefined);

export const hearingParamsSchema = z.object({
  view: z.enum(HEARING_VIEWS).catch("agenda").default("agenda"),
  date: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && parseIsoDate(v) ? v : todayInBangkok())),
  counsel: optionalUuid,
  court: optionalUuid,
  team: optionalUuid,
  type: z.enum(PROCEEDING_TYPES).optional().catch(undefined),
});
export type HearingParams = z.output<typeof hearingParamsSchema>;

function shift(iso: string, days: number) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Monday of the week holding `iso`. */
export function weekStart(iso: string) {
  const weekday = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
  return shift(iso, -weekday);
}

/** The Bangkok days a view covers, as [first, last+1) "YYYY-MM-DD" bounds, and the days to draw. */
export function viewRange(view: HearingView, anchor: string): { first: string; end: string; days: string[]; previous: string; next: string } {
  if (view === "week") {
    const first = weekStart(anchor);
    return { first, end: shift(first, 7), days: Array.from({ length: 7 }, (_, i) => shift(first, i)), previous: shift(first, -7), next: shift(first, 7) };
  }
  if (view === "month") {
    const first = `${anchor.slice(0, 7)}-01`;
    const nextMonth = new Date(`${first}T00:00:00Z`);
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
    const end = nextMonth.toISOString().slice(0, 10);
    const gridStart = weekStart(first);
    const cells = Math.ceil((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${gridStart}T00:00:00Z`)) / 86_400_000 / 7) * 7;
    const previousMonth = new Date(`${first}T00:00:00Z`);
    previousMonth.setUTCMonth(previousMonth.getUTCMonth() - 1);
    return { first: gridStart, end: shift(gridStart, cells), days: Array.from({ length: cells }, (_, i) => shift(gridStart, i)), previous: previousMonth.toISOString().slice(0, 10), next: end };
  }
  return { first: anchor, end: shift(anchor, 60), days: [], previous: shift(anchor, -60), next: shift(anchor, 60) };
}

/** Midnight at the start of a Bangkok day, as an instant. */
export function bangkokMidnight(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}
