// The periods the hearings page shows, in Bangkok calendar days.
import { z } from "@/lib/zod";
import { addCalendarDays, addCalendarMonths, calendarDaysBetween, firstOfMonth, isDateParam, mondayOf, todayInBangkok } from "@/lib/dates";
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
    .transform((v) => (isDateParam(v) ? v : todayInBangkok())),
  counsel: optionalUuid,
  court: optionalUuid,
  team: optionalUuid,
  type: z.enum(PROCEEDING_TYPES).optional().catch(undefined),
});
export type HearingParams = z.output<typeof hearingParamsSchema>;

const shift = addCalendarDays;

/** Monday of the week holding `iso`. */
export const weekStart = mondayOf;

/** The Bangkok days a view covers, as [first, last+1) "YYYY-MM-DD" bounds, and the days to draw. */
export function viewRange(view: HearingView, anchor: string): { first: string; end: string; days: string[]; previous: string; next: string } {
  if (view === "week") {
    const first = weekStart(anchor);
    return { first, end: shift(first, 7), days: Array.from({ length: 7 }, (_, i) => shift(first, i)), previous: shift(first, -7), next: shift(first, 7) };
  }
  if (view === "month") {
    const first = firstOfMonth(anchor);
    const end = addCalendarMonths(first, 1);
    const gridStart = weekStart(first);
    const cells = Math.ceil(calendarDaysBetween(gridStart, end) / 7) * 7;
    return { first: gridStart, end: shift(gridStart, cells), days: Array.from({ length: cells }, (_, i) => shift(gridStart, i)), previous: addCalendarMonths(first, -1), next: end };
  }
  return { first: anchor, end: shift(anchor, 60), days: [], previous: shift(anchor, -60), next: shift(anchor, 60) };
}
