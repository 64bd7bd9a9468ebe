import "server-only";
// The one writer of notices: in the app (Notification) and, for the kinds
// that also go by e-mail, in the recipient's e-mail (lib/email/outbox), both
// in the transaction of the change that causes them.
import type { Tx } from "@/lib/db";
import { teamSupervisors } from "@/lib/policy";
import { queueEmails } from "@/lib/email/outbox";

export type Notice = { userId: string; caseId: string | null; kind: string };

export async function notify(tx: Tx, notices: Notice[]) {
  if (!notices.length) return;
  await tx.notification.createMany({ data: notices });
  await queueEmails(tx, notices);
}

/**
 * Tells every supervisor of the team (and each organisation-wide one): a
 * protection incident, a counsel conflict only they may clear, a possible
 * duplicate the caseworker may not open.
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
  await notify(tx, recipients.map((userId) => ({ userId, caseId, kind })));
  return recipients.length;
}
