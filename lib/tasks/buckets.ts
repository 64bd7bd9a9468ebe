// Sorting open tasks for "My work": overdue first, then due within the next
// seven days, then later. Dates are calendar dates compared as "YYYY-MM-DD".
import { addCalendarDays, calendarDaysBetween } from "@/lib/dates";

export type Bucket = "overdue" | "thisWeek" | "later";

export function bucketFor(dueOn: string, today: string): Bucket {
  if (dueOn < today) return "overdue";
  return dueOn <= addCalendarDays(today, 6) ? "thisWeek" : "later";
}

/** Whole days from today to the due date: negative when overdue. */
export function daysUntil(dueOn: string, today: string): number {
  return calendarDaysBetween(today, dueOn);
}
