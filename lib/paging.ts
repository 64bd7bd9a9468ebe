// Long lists (the deadlines, the hearings agenda, the risk board) are read
// and shown a page at a time, so a page's cost is the rows it shows however
// long the list grows. The case list keeps its own, shorter page.
export const ROWS_PER_PAGE = 50;

/** The rows of one page of an already ordered list, and how many pages it has. */
export function pageOf<T>(rows: T[], page: number) {
  return { rows: rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE), pages: Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE)) };
}
