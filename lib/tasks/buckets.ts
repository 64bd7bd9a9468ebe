// Sorting open tasks for "My work": overdue first, then due within the next
// seven days, then later. Dates are calendar dates compared as "YYYY-MM-DD".

export type Bucket = "overdue" | "thisWeek" | "later";

export function bucketFor(dueOn: string, today: string): Bucket {
  if (dueOn < today) return "overdue";
  const weekEnd = new Date(`${today}T00:00:00Z`);
  weekEnd.setUTCDate(weekEnd.getUTCDate() + 6);
  return dueOn <= weekEnd.toISOString().slice(0, 10) ? "thisWeek" : "later";
}

/** Whole days from today to the due date: negative when overdue. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
