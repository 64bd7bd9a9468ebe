import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { readOnKeptPlan, type Db } from "@/lib/prisma-client";

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
  | "outbox.retry"
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

export async function recordAudit(tx: Pick<Tx, "$executeRaw">, entry: AuditEntry) {
  // A plain insert, kept prepared on each connection: every page view writes
  // one. Prisma's create (and createMany still more) is worked out by its
  // query compiler at every call: 0.30 ms of the server's CPU a row against
  // 0.15 for this. The time it was recorded (`at`) and its place in the
  // chain are the database's (the column's default, the chain's trigger).
  const detail = entry.detail === undefined ? null : JSON.stringify(entry.detail);
  await tx.$executeRaw`insert into "AuditLog" ("actorId", action, entity, "entityId", "caseId", fields, ip, detail, "occurredOn")
    values (${entry.actorId}::uuid, ${entry.action}, ${entry.entity}, ${entry.entityId ?? null}, ${entry.caseId ?? null}::uuid, ${entry.fields ?? []}::text[], ${entry.ip ?? null}, ${detail}::jsonb, ${entry.occurredOn ?? null}::date)`;
}

/**
 * recordAudit's row as a step of a read's own statement (a `with` query),
 * for a read that works out in SQL what its row says: written only when
 * `when` holds (a condition on the statement's other queries; always by
 * default), with `detailSql` (a jsonb object the statement works out: the
 * number found, say) added to the entry's details. PostgreSQL runs the step
 * whether or not the rest of the statement reads it, in the statement's
 * transaction, so there is no round trip of its own (see
 * auditEachFoundCase). Only on the primary: a replica cannot insert.
 */
export function auditStep(entry: AuditEntry, detailSql: Prisma.Sql = Prisma.sql`'{}'::jsonb`, when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const detail = JSON.stringify(entry.detail ?? {});
  return Prisma.sql`insert into "AuditLog" ("actorId", action, entity, "entityId", "caseId", fields, ip, detail, "occurredOn")
    select ${entry.actorId}::uuid, ${entry.action}, ${entry.entity}, ${entry.entityId ?? null}, ${entry.caseId ?? null}::uuid, ${entry.fields ?? []}::text[], ${entry.ip ?? null}, ${detail}::jsonb || ${detailSql}, ${entry.occurredOn ?? null}::date
    where ${when}`;
}

/**
 * recordAudit's insert as a step of a read's own statement (a `with` query
 * named `viewed`, say), for a read that records itself: one row for each
 * row of the statement's `found` (a query of cases), with the case as its
 * entity. PostgreSQL runs the step whether or not the rest of the statement
 * reads it, in the statement's transaction: the row is written if and only
 * if the case was read, with no round trip of its own (under load one cost
 * a case page about as much as its whole read: docs/benchmarks.md, session
 * 38). Same columns, same trigger (the chain) as recordAudit.
 */
export function auditEachFoundCase(entry: Pick<AuditEntry, "actorId" | "action" | "ip" | "detail">): Prisma.Sql {
  const detail = entry.detail === undefined ? null : JSON.stringify(entry.detail);
  return Prisma.sql`insert into "AuditLog" ("actorId", action, entity, "entityId", "caseId", fields, ip, detail)
    select ${entry.actorId}::uuid, ${entry.action}, 'Case', found.id::text, found.id, '{}'::text[], ${entry.ip ?? null}, ${detail}::jsonb from found`;
}

/**
 * A read and the audit row that records it, run side by side rather than
 * one after the other: under load each round trip waits for a core, so a
 * page that read and then wrote paid both in turn. Both are finished
 * before this returns. A failed audit write fails it (before a failed
 * read), so nothing is shown that was not recorded.
 */
export async function readWhileAuditing<T>(read: () => Promise<T>, audit: Promise<unknown>): Promise<T> {
  // Settled both, so neither is left running unwatched when the other fails.
  const [done, audited] = await Promise.allSettled([Promise.resolve().then(read), audit]);
  if (audited.status === "rejected") throw audited.reason;
  if (done.status === "rejected") throw done.reason;
  return done.value;
}

/**
 * A read of the audit log, planned once per statement rather than at each
 * call (readOnKeptPlan). The log is a hundred month tables: PostgreSQL
 * plans a prepared statement anew at each of its first five calls on a
 * connection (10–50 ms over that many tables) and keeps doing so while the
 * generic plan's estimate, counted over every month, looks dearer than a
 * custom one, which for a read without a date it always does. For a read
 * whose plan does not hang on its values (one kind of event) the generic
 * plan prunes months when it runs and is as good: kept for those reads
 * only. Not for the supervisor's reading, whose good plan depends on the
 * teams.
 */
export function readAuditLog<T>(read: (client: Db) => Prisma.PrismaPromise<T>): Promise<T> {
  return readOnKeptPlan(db, read);
}
