import "server-only";
// Reminders made by the clock rather than by a change: a hearing tomorrow
// (to its counsel and the case's caseworker), a deadline in three days and a
// deadline passed (to whoever the task is assigned to, else the case's
// caseworker). Each has a dedupe key (kind, record, date, recipient), so the
// schedule may look as often as it likes: each reminder is queued once, and
// a hearing moved to another day is reminded of again.
import { db } from "@/lib/db";
import { addCalendarDays, dbDate, isoDate, startOfBangkokDay, todayInBangkok } from "@/lib/dates";
import { queueEmails, type EmailNotice } from "./outbox";

export const DEADLINE_NOTICE_DAYS = 3;
/** A deadline passed longer ago than this is not reminded of (a first start must not mail every old one). */
const OVERDUE_LOOKBACK_DAYS = 7;

export async function queueDueReminders(now: Date = new Date()): Promise<number> {
  return queueReminders(await dueReminders(now), now);
}

/** The reminders due at `now`, read from the hearings and tasks. */
export async function dueReminders(now: Date): Promise<EmailNotice[]> {
  const today = todayInBangkok(now);
  const tomorrow = addCalendarDays(today, 1);
  const [hearings, soon, overdue] = await Promise.all([
    db.hearing.findMany({
      where: { startsAt: { gte: startOfBangkokDay(tomorrow), lt: startOfBangkokDay(addCalendarDays(tomorrow, 1)) }, proceeding: { closed: false } },
      select: { id: true, startsAt: true, purpose: true, counselId: true, proceeding: { select: { caseId: true, case: { select: { caseworkerId: true } } } } },
    }),
    db.task.findMany({
      where: { completedAt: null, dueOn: dbDate(addCalendarDays(today, DEADLINE_NOTICE_DAYS)) },
      select: { id: true, caseId: true, dueOn: true, ruleKey: true, assigneeId: true, case: { select: { caseworkerId: true } } },
    }),
    db.task.findMany({
      where: { completedAt: null, dueOn: { gte: dbDate(addCalendarDays(today, -OVERDUE_LOOKBACK_DAYS)), lt: dbDate(today) } },
      select: { id: true, caseId: true, dueOn: true, ruleKey: true, assigneeId: true, case: { select: { caseworkerId: true } } },
    }),
  ]);
  const notices: EmailNotice[] = [];
  for (const hearing of hearings) {
    const recipients = new Set([hearing.counselId, hearing.proceeding.case.caseworkerId].filter((id): id is string => Boolean(id)));
    for (const userId of recipients) {
      notices.push({
        userId,
        caseId: hearing.proceeding.caseId,
        kind: "hearing-tomorrow",
        facts: { startsAt: hearing.startsAt.toISOString(), purpose: hearing.purpose },
        dedupeKey: `hearing-tomorrow:${hearing.id}:${tomorrow}:${userId}`,
      });
    }
  }
  const deadline = (kind: "deadline-soon" | "deadline-overdue") => (task: (typeof soon)[number]) => {
    const userId = task.assigneeId ?? task.case.caseworkerId;
    if (!userId) return;
    const dueOn = isoDate(task.dueOn);
    notices.push({ userId, caseId: task.caseId, kind, facts: { dueOn, ...(task.ruleKey ? { rule: task.ruleKey } : {}) }, dedupeKey: `${kind}:${task.id}:${dueOn}:${userId}` });
  };
  soon.forEach(deadline("deadline-soon"));
  overdue.forEach(deadline("deadline-overdue"));
  return notices;
}

/**
 * Queues reminders read a moment before, outside this transaction: a case
 * erased or deleted since (a data subject's erasure, a retention rule) is
 * not reminded of, and would otherwise fail the whole batch on its foreign
 * key. The cases kept are locked against deletion (FOR KEY SHARE) until
 * their messages are written.
 */
export async function queueReminders(notices: EmailNotice[], now: Date): Promise<number> {
  if (!notices.length) return 0;
  const caseIds = [...new Set(notices.map((n) => n.caseId).filter((id): id is string => Boolean(id)))];
  return db.$transaction(async (tx) => {
    const kept = await tx.$queryRaw<{ id: string }[]>`select id::text from "Case" where id = any(${caseIds}::uuid[]) for key share`;
    const stillThere = new Set(kept.map((row) => row.id));
    return queueEmails(tx, notices.filter((n) => !n.caseId || stillThere.has(n.caseId)), now);
  });
}
