import "server-only";
import { db } from "@/lib/db";
import { notificationScope, type Actor } from "@/lib/policy";
import { pageCount, ROWS_PER_PAGE } from "@/lib/paging";

/**
 * A page of the actor's notices, newest first (ROWS_PER_PAGE a page), with
 * whether older ones follow (how many are unread comes with the session:
 * CurrentUser.unreadNotices). Not counted: counting a
 * supervisor's 5,000 notices, each checked against the cases they may see,
 * tripled the page's database time; only a page past the end counts, to
 * answer with the last page. The case is shown by code, and only if the
 * actor may still see it.
 */
export async function myNotifications(actor: Actor, requested = 1) {
  const where = notificationScope(actor);
  const read = (page: number) =>
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ROWS_PER_PAGE,
      take: ROWS_PER_PAGE + 1,
      // The case's code looked up for the page shown, not joined to every notice before they are sorted.
      relationLoadStrategy: "query",
      select: { id: true, kind: true, createdAt: true, readAt: true, case: { select: { code: true } } },
    });
  const found = await read(requested);
  let page = requested;
  let rows = found;
  if (rows.length === 0 && page > 1) {
    page = pageCount(await db.notification.count({ where }));
    rows = await read(page);
  }
  return { rows: rows.slice(0, ROWS_PER_PAGE), page, older: rows.length > ROWS_PER_PAGE };
}
