import "server-only";
import { dbDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

// Every view, change, export and sign-in goes through here, inside the same
// transaction as the change it describes, so a change is never saved
// without its audit row (nor an audit row without its change).
export type AuditAction =
  | "login"
  | "login.failed"
  | "login.blocked"
  | "logout"
  | "case.list"
  | "page.view"
  | "case.view"
  | "case.refused"
  | "action.refused"
  | "case.create"
  | "case.update"
  | "person.create"
  | "person.update"
  | "person.protected-view"
  | "person.export"
  | "person.erase"
  | "note.create"
  | "proceeding.create"
  | "proceeding.transition"
  | "task.create"
  | "task.update"
  | "detention.create"
  | "detention.update"
  | "fine.create"
  | "fine.payment"
  | "expense.create"
  | "document.create"
  | "document.download"
  | "settings.update"
  | "hearing.create"
  | "hearing.update"
  | "incident.create"
  | "counsel.assign"
  | "party.create"
  | "calendar.token"
  | "calendar.fetch"
  | "programme.suspend"
  | "programme.resume"
  | "closure.request"
  | "closure.approve"
  | "closure.return"
  | "case.reassign"
  | "case.export"
  | "figures.export"
  | "case.summary"
  | "audit.view"
  | "user.update"
  | "user.create"
  | "user.deactivate"
  | "user.reactivate"
  | "user.password"
  | "user.totp"
  | "duplicate.check"
  | "duplicate.link"
  | "case.merge"
  | "hold.place"
  | "hold.lift"
  | "import.preview"
  | "import.run"
  | "import.report"
  | "referral.create"
  | "referral.override"
  | "referral.status"
  | "referral.view"
  | "referral.pdf"
  | "retention.anonymise"
  | "retention.delete"
  | "retention.rule"
  | "retention.run"
  | "consent.record"
  | "consent.withdraw"
  | "grant.create"
  | "grant.revoke";

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  caseId?: string | null;
  /** Names of the fields that changed; never their values. */
  fields?: string[];
  ip?: string | null;
  /** Non-identifying context only (counts, filters): never names or notes. */
  detail?: Prisma.InputJsonValue;
  /** The day the recorded event happened, when it has one ("YYYY-MM-DD"). */
  occurredOn?: string | null;
};

export async function recordAudit(tx: Pick<Tx, "auditLog">, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      caseId: entry.caseId ?? null,
      fields: entry.fields ?? [],
      ip: entry.ip ?? null,
      detail: entry.detail,
      occurredOn: entry.occurredOn ? dbDate(entry.occurredOn) : null,
    },
  });
}
