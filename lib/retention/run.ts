import "server-only";
// The retention run: applies every active rule of the schedule, in batches
// (each its own short transaction, so people keep working while it runs),
// and keeps the deletion record as it goes: each batch adds its count and
// case codes to the run's item for the rule in the same transaction as the
// change, so the record says exactly what was done even if the run stops.
//
// Exactly once, with any number of app servers: a run holds a PostgreSQL
// advisory lock on a connection of its own for as long as it works (a second
// run finds it taken and does nothing; a server that dies releases it), and
// the daily run claims its Bangkok day in RetentionRun.day, which is unique.
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { fileStore } from "@/lib/files/app-store";
import { monthsBefore } from "@/lib/dates";
import { describeServerError } from "@/lib/server-errors";
import type { RetentionAction } from "@/lib/generated/prisma/enums";
import { KIND_RULES, type RetentionKind, type RetentionRuleValues } from "./kinds";
import { auditMonthsBefore, candidates, reach, type Candidate } from "./candidates";
import { anonymiseCases } from "./anonymise-case";
import { retentionRules } from "./rules";

/** pg_try_advisory_lock key: "retention" as a number, shared by every server of a deployment. */
const RETENTION_LOCK = 7_212_040_101;
const BATCH = 200;

export type RunOptions = {
  /** The moment the schedule is applied at (tests pass a controlled clock). */
  now?: Date;
  /** The Bangkok day of a scheduled run: a day's run happens once. */
  day?: string;
  /** The administrator who started it, for a run started by hand. */
  startedById?: string;
};

export type PreviewItem = { kind: RetentionKind; action: RetentionAction; months: number; active: boolean; cutoff: Date; count: number; codes: string[] };

/** What the next run would do, rule by rule (inactive rules too, marked), at `now`. */
export async function previewRetention(now: Date = new Date()): Promise<PreviewItem[]> {
  const rules = await retentionRules(db);
  return Promise.all(
    rules.map(async (rule) => {
      const cutoff = monthsBefore(now, rule.months);
      return { kind: rule.kind, action: rule.action, months: rule.months, active: rule.active, cutoff, ...(await reach(db, rule.kind, rule.action, cutoff)) };
    }),
  );
}

/** Runs the schedule to its end. Null when another run holds the lock or the day's run has happened. */
export async function runRetention(options: RunOptions = {}): Promise<{ runId: string; status: string } | null> {
  const started = await startRetention(options);
  return started ? { runId: started.runId, status: await started.finished } : null;
}

/**
 * Starts a run: takes the lock and claims the run, then works on without
 * being awaited (`finished` says how it ended). Null when another run holds
 * the lock or the day's run has happened.
 */
export async function startRetention(options: RunOptions = {}): Promise<{ runId: string; finished: Promise<string> } | null> {
  const now = options.now ?? new Date();
  const lock = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await lock.connect();
  const release = async () => {
    await lock.query("select pg_advisory_unlock($1)", [RETENTION_LOCK]).catch(() => undefined);
    await lock.end();
  };
  let run: { id: string } | null = null;
  try {
    const { rows } = await lock.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [RETENTION_LOCK]);
    if (rows[0].locked) run = await claimRun(options);
  } finally {
    if (!run) await release();
  }
  if (!run) return null;
  const runId = run.id;
  const finished = applyRules(runId, now).finally(release);
  return { runId, finished };
}

async function applyRules(runId: string, now: Date): Promise<string> {
  try {
    // The audit log's months a year ahead exist before anything needs them.
    await db.$queryRaw`select "waypoint_audit_partitions_ahead"(12)`;
    const rules = (await retentionRules(db)).filter((r) => r.active);
    for (const rule of rules) await applyRule(runId, rule, now);
    await db.retentionRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date() } });
    return "done";
  } catch (error) {
    // What failed, without the values a database error may quote.
    await db.retentionRun
      .update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date(), error: JSON.stringify(describeServerError(error)) } })
      .catch(() => undefined);
    console.error(JSON.stringify({ msg: "retention run failed", run: runId, error: describeServerError(error) }));
    return "failed";
  }
}

async function claimRun(options: RunOptions) {
  if (options.day) {
    const claimed = await db.$queryRaw<{ id: string }[]>`
      insert into "RetentionRun" (id, day) values (gen_random_uuid(), ${options.day}::date)
      on conflict (day) do nothing returning id::text`;
    return claimed[0] ?? null;
  }
  return db.retentionRun.create({ data: { startedById: options.startedById ?? null }, select: { id: true } });
}

async function applyRule(runId: string, rule: RetentionRuleValues, now: Date) {
  const cutoff = monthsBefore(now, rule.months);
  if (rule.kind === "auditLog") return dropAuditMonths(runId, rule, cutoff);
  const item = await db.retentionRunItem.create({ data: { runId, kind: rule.kind, action: rule.action, months: rule.months, cutoff, count: 0 }, select: { id: true } });
  let after: string | undefined;
  for (;;) {
    const batch = await candidates(db, rule.kind, rule.action, cutoff, { after, limit: BATCH });
    if (batch.length === 0) return;
    after = batch[batch.length - 1].id;
    const filesToRemove = await db.$transaction(
      async (tx) => {
        // Lock the cases, then ask again: a hold placed (or a case reopened) since the batch was read wins.
        const caseIds = [...new Set(batch.map((c) => c.caseId).filter((id): id is string => id !== null))];
        if (caseIds.length) await tx.$queryRaw`select 1 from "Case" where id = any(${caseIds}::uuid[]) order by id for update`;
        const due = await candidates(tx, rule.kind, rule.action, cutoff, { ids: batch.map((c) => c.id), limit: BATCH });
        if (due.length === 0) return [];
        const files = await act(tx, rule.kind, rule.action, due, now);
        const codes = [...new Set(due.map((c) => c.code).filter((code): code is string => code !== null))];
        await tx.$executeRaw`update "RetentionRunItem" set count = count + ${due.length}, codes = array(select distinct unnest(codes || ${codes}::text[]) order by 1) where id = ${item.id}::uuid`;
        await auditBatch(tx, runId, rule, due);
        return files;
      },
      { timeout: 60_000 },
    );
    await removeFiles(filesToRemove);
  }
}

/**
 * The audit log: its months that ended by the cutoff are dropped whole (a
 * table each), by the owner's function, in one transaction with the run's
 * record and audit row. The chain's new beginning is noted by the function.
 */
async function dropAuditMonths(runId: string, rule: RetentionRuleValues, cutoff: Date) {
  const before = auditMonthsBefore(cutoff);
  await db.$transaction(async (tx) => {
    const months = await tx.$queryRaw<{ month: string; rows: bigint }[]>`select * from "waypoint_audit_drop_months_before"(${before}::timestamp)`;
    const count = months.reduce((n, m) => n + Number(m.rows), 0);
    const detail = { months: months.map((m) => ({ month: m.month, rows: Number(m.rows) })) };
    await tx.retentionRunItem.create({ data: { runId, kind: rule.kind, action: rule.action, months: rule.months, cutoff: before, count, detail } });
    await recordAudit(tx, { actorId: null, action: "retention.delete", entity: "RetentionRun", entityId: runId, detail: { kind: rule.kind, count, ...detail } });
  });
}

/** Does the rule's action to the records; returns document files to remove once committed. */
async function act(tx: Tx, kind: RetentionKind, action: RetentionAction, due: Candidate[], now: Date): Promise<string[]> {
  const ids = due.map((c) => c.id);
  const from = (source: string) => due.filter((c) => c.source === source).map((c) => c.id);
  switch (kind) {
    case "closedCases": {
      if (action === "ANONYMISE") return anonymiseCases(tx, ids, now);
      const documents = await tx.document.findMany({ where: { caseId: { in: ids } }, select: { storageKey: true } });
      await tx.case.deleteMany({ where: { id: { in: ids } } });
      return documents.map((d) => d.storageKey);
    }
    case "documents": {
      const documents = await tx.document.findMany({ where: { id: { in: ids } }, select: { storageKey: true } });
      await tx.document.deleteMany({ where: { id: { in: ids } } });
      return documents.map((d) => d.storageKey);
    }
    case "notes":
      if (action === "ANONYMISE") await tx.note.updateMany({ where: { id: { in: ids } }, data: { body: "" } });
      else await tx.note.deleteMany({ where: { id: { in: ids } } });
      return [];
    case "imports":
      if (action === "ANONYMISE") await tx.importBatch.updateMany({ where: { id: { in: ids } }, data: { fileName: "", table: Prisma.DbNull, errorReport: null } });
      else await tx.importBatch.deleteMany({ where: { id: { in: ids } } });
      return [];
    case "referralsReceived":
      await tx.referral.updateMany({ where: { id: { in: ids } }, data: { shared: {}, sharedRemovedAt: now, sharedRemovedBecause: "retention" } });
      return [];
    case "notifications":
      await tx.notification.deleteMany({ where: { id: { in: ids } } });
      return [];
    case "signInRecords":
      await tx.session.deleteMany({ where: { id: { in: from("Session") } } });
      await tx.signInThrottle.deleteMany({ where: { key: { in: from("SignInThrottle") } } });
      return [];
    case "auditLog":
      // Never reached: the audit log goes by whole months (dropAuditMonths).
      throw new Error("the audit log is not deleted row by row");
  }
}

/** One audit row per case touched (so each case's trail shows it), or one for the batch where records are not a case's. */
async function auditBatch(tx: Tx, runId: string, rule: RetentionRuleValues, due: Candidate[]) {
  const action = rule.action === "ANONYMISE" ? "retention.anonymise" : "retention.delete";
  if (!KIND_RULES[rule.kind].ofCases) {
    await recordAudit(tx, { actorId: null, action, entity: "RetentionRun", entityId: runId, detail: { kind: rule.kind, count: due.length } });
    return;
  }
  const perCase = new Map<string, number>();
  for (const c of due) perCase.set(c.caseId!, (perCase.get(c.caseId!) ?? 0) + 1);
  for (const [caseId, count] of perCase) {
    await recordAudit(tx, { actorId: null, action, entity: "RetentionRun", entityId: runId, caseId, detail: { kind: rule.kind, count } });
  }
}

async function removeFiles(keys: string[]) {
  for (const key of keys) {
    await fileStore()
      .remove(key)
      // The row is gone; a file left behind is ciphertext no row leads to, logged for an operator.
      .catch((error: unknown) => console.error(JSON.stringify({ msg: "retained document file could not be removed", key, error: describeServerError(error) })));
  }
}
