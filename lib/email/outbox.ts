import "server-only";
// Writing e-mails to the outbox (the OutboxMessage table), always inside the
// transaction of what causes them: a change that rolls back sends nothing,
// and one that commits cannot lose its message. lib/email/send.ts sends.
import type { Tx } from "@/lib/db";
import { addCalendarDays, bangkokInstant, todayInBangkok } from "@/lib/dates";
import { emailConfigured } from "./config";

/** The notices that also go by e-mail; the rest stay in the app. */
export const EMAILED_KINDS = ["hearing-tomorrow", "deadline-soon", "deadline-overdue", "incident", "closure-approved", "closure-returned", "programme-suspended"] as const;
export type EmailKind = (typeof EMAILED_KINDS)[number];

export const isEmailKind = (kind: string): kind is EmailKind => (EMAILED_KINDS as readonly string[]).includes(kind);

/** What a message says besides its kind and case code: dates, a purpose, a rule. Never a name or free text. */
export type EmailFacts = { startsAt?: string; dueOn?: string; purpose?: string; rule?: string };

export type EmailNotice = { userId: string; caseId: string | null; kind: string; facts?: EmailFacts; dedupeKey?: string };

/** Daily digests go out at this hour, Bangkok time. */
export const DIGEST_AT = "07:00";

/** The next digest hour after `now`. */
export function nextDigestTime(now: Date): Date {
  const today = todayInBangkok(now);
  const todays = bangkokInstant(today, DIGEST_AT);
  return now < todays ? todays : bangkokInstant(addCalendarDays(today, 1), DIGEST_AT);
}

/**
 * Queues the e-mails these notices call for: those of an e-mailed kind, to
 * active users who take reminders by e-mail, at once or in their next daily
 * digest. A notice with a dedupe key that was queued before is skipped.
 * Returns how many were queued.
 */
export async function queueEmails(tx: Tx, notices: EmailNotice[], now: Date = new Date()): Promise<number> {
  if (!emailConfigured()) return 0;
  const emailed = notices.filter((notice) => isEmailKind(notice.kind));
  if (!emailed.length) return 0;
  const recipients = await tx.user.findMany({
    where: { id: { in: [...new Set(emailed.map((n) => n.userId))] }, active: true, emailReminders: { not: "OFF" } },
    select: { id: true, emailReminders: true },
  });
  const daily = new Map(recipients.map((r) => [r.id, r.emailReminders === "DAILY"]));
  const rows = emailed
    .filter((notice) => daily.has(notice.userId))
    .map((notice) => {
      const digest = daily.get(notice.userId)!;
      return {
        userId: notice.userId,
        caseId: notice.caseId,
        kind: notice.kind,
        facts: notice.facts ?? {},
        dedupeKey: notice.dedupeKey ?? null,
        digest,
        nextAttemptAt: digest ? nextDigestTime(now) : now,
      };
    });
  if (!rows.length) return 0;
  return (await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true })).count;
}
