import "server-only";
// Notices to the supervisors who oversee a team: a protection incident, a
// counsel conflict only they may clear, a possible duplicate the caseworker
// may not open.
import type { Tx } from "@/lib/db";
import { teamSupervisors } from "@/lib/policy";

/**
 * Tells every supervisor of the team (and each organisation-wide one).
 * `once`: not again while an earlier notice of the same kind about the same
 * case is still unread, so a repeated attempt does not flood them.
 */
export async function notifySupervisors(tx: Tx, teamId: string, caseId: string | null, kind: string, options: { once?: boolean } = {}) {
  const supervisors = await tx.user.findMany({ where: teamSupervisors(teamId), select: { id: true } });
  let recipients = supervisors.map((s) => s.id);
  if (options.once && recipients.length) {
    const waiting = await tx.notification.findMany({ where: { userId: { in: recipients }, caseId, kind, readAt: null }, select: { userId: true } });
    const told = new Set(waiting.map((n) => n.userId));
    recipients = recipients.filter((id) => !told.has(id));
  }
  if (recipients.length) await tx.notification.createMany({ data: recipients.map((userId) => ({ userId, caseId, kind })) });
  return recipients.length;
}
