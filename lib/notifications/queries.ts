import "server-only";
import { db } from "@/lib/db";
import { caseScope, type Actor } from "@/lib/policy";

export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

/** The actor's notices; the case is shown by code, and only if the actor may still see it. */
export async function myNotifications(actor: Actor) {
  return db.notification.findMany({
    where: { userId: actor.id, OR: [{ caseId: null }, { case: caseScope(actor) }] },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, createdAt: true, readAt: true, case: { select: { code: true } } },
  });
}
