import "server-only";
import { db } from "@/lib/db";
import { notificationScope, type Actor } from "@/lib/policy";

/** Unread notifications, counted exactly as the notifications page lists them. */
export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { AND: [notificationScope(actor), { readAt: null }] } });
}

/** The actor's notices; the case is shown by code, and only if the actor may still see it. */
export async function myNotifications(actor: Actor) {
  return db.notification.findMany({
    where: notificationScope(actor),
    orderBy: { createdAt: "desc" },
    take: 100,
    // The case's code looked up for the hundred shown, not joined to every notice before they are sorted.
    relationLoadStrategy: "query",
    select: { id: true, kind: true, createdAt: true, readAt: true, case: { select: { code: true } } },
  });
}
