// Long lists (the case list, the deadlines, the hearings agenda, the risk
// board, a case's timeline, notifications) are read and shown a page at a
// time, so a page's cost is the rows it shows however long the list grows.
// Every list has the same page, 25 rows: a phone shows them without
// endless scrolling, and the server's time for a page follows what it
// draws (50 rows made the case file's timeline half its page).
export const ROWS_PER_PAGE = 25;

/** How many pages `total` rows fill (at least one, so an empty list is page 1 of 1). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ROWS_PER_PAGE));
}

/** Which rows of how many a page shows, for "51–100 of 230". */
export function shownRange(page: number, shown: number, total: number) {
  const from = (page - 1) * ROWS_PER_PAGE + 1;
  return { from, to: from + shown - 1, total };
}

/** One page of an already ordered list; a page past the end is the last one. */
export function pageOf<T>(rows: T[], requested: number) {
  const pages = pageCount(rows.length);
  const page = Math.min(requested, pages);
  return { rows: rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE), page, pages };
}
