import "server-only";
// Sending the outbox. Each server's worker claims due messages with
// FOR UPDATE SKIP LOCKED (a daily digest: all of a user's due items at once,
// under that user's advisory lock), so however many servers look, one sends
// each message. A claim lasts two minutes: a server that stops mid-send
// leaves its claim to lapse and another takes the message over. Only that
// case can send a message twice (the SMTP server accepted it, the server
// stopped before recording it); every message carries a Message-ID made
// from its id, by which mail systems recognise a repeat.
import nodemailer, { type Transporter } from "nodemailer";
import { db, type Tx } from "@/lib/db";
import { composeDigest, composeReminder, type Reminder } from "./compose";
import { mailFrom } from "./config";
import { isEmailKind, type EmailFacts } from "./outbox";

const CLAIM_FOR_MS = 2 * 60_000;
const BATCH = 20;
/** After this many failed attempts a message is FAILED, for an administrator to retry. */
export const MAX_ATTEMPTS = 8;

/** Wait before the next attempt: 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000);
}

let transport: Transporter | null = null;
export function mailTransport(): Transporter {
  transport ??= nodemailer.createTransport(process.env.SMTP_URL);
  return transport;
}

export type SendOutcome = { sent: number; failed: number; cancelled: number };

/** Claims and sends what is due: single messages, then daily digests. */
export async function sendDueMessages(options: { transport?: Transporter; now?: Date } = {}): Promise<SendOutcome> {
  const transport = options.transport ?? mailTransport();
  const now = options.now ?? new Date();
  const outcome: SendOutcome = { sent: 0, failed: 0, cancelled: 0 };
  for (const id of await claimSingles(now)) add(outcome, await deliver([id], false, transport, now));
  for (const userId of await usersWithDueDigest(now)) {
    const ids = await claimDigest(userId, now);
    if (ids.length) add(outcome, await deliver(ids, true, transport, now));
  }
  return outcome;
}

function add(total: SendOutcome, one: SendOutcome) {
  total.sent += one.sent;
  total.failed += one.failed;
  total.cancelled += one.cancelled;
}

const claimedUntil = (now: Date) => new Date(now.getTime() + CLAIM_FOR_MS);

async function claimSingles(now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    update "OutboxMessage" set status = 'SENDING', "claimedUntil" = ${claimedUntil(now)}, attempts = attempts + 1
    where id in (
      select id from "OutboxMessage"
      where not digest and ((status = 'QUEUED' and "nextAttemptAt" <= ${now}) or (status = 'SENDING' and "claimedUntil" < ${now}))
      order by "nextAttemptAt" limit ${BATCH}
      for update skip locked)
    returning id::text`;
  return rows.map((row) => row.id);
}

async function usersWithDueDigest(now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ userId: string }[]>`
    select distinct "userId"::text from "OutboxMessage"
    where digest and ((status = 'QUEUED' and "nextAttemptAt" <= ${now}) or (status = 'SENDING' and "claimedUntil" < ${now}))
    limit ${BATCH}`;
  return rows.map((row) => row.userId);
}

/** All of one user's due digest items, claimed together: another server holding this user's lock skips them. */
async function claimDigest(userId: string, now: Date): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('waypoint-digest'), hashtext(${userId})) as locked`;
    if (!locked) return [];
    const rows = await tx.$queryRaw<{ id: string }[]>`
      update "OutboxMessage" set status = 'SENDING', "claimedUntil" = ${claimedUntil(now)}, attempts = attempts + 1
      where "userId" = ${userId}::uuid and digest and ((status = 'QUEUED' and "nextAttemptAt" <= ${now}) or (status = 'SENDING' and "claimedUntil" < ${now}))
      returning id::text`;
    return rows.map((row) => row.id);
  });
}

async function deliver(ids: string[], digest: boolean, transport: Transporter, now: Date): Promise<SendOutcome> {
  const messages = await db.outboxMessage.findMany({
    where: { id: { in: ids }, status: "SENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, facts: true, attempts: true, case: { select: { code: true } }, user: { select: { email: true, locale: true, active: true, emailReminders: true } } },
  });
  if (!messages.length) return { sent: 0, failed: 0, cancelled: 0 };
  const recipient = messages[0].user;
  const claimed = messages.map((m) => m.id);
  // Deactivated, or switched e-mail off since: not sent.
  if (!recipient.active || recipient.emailReminders === "OFF") {
    await db.outboxMessage.updateMany({ where: { id: { in: claimed }, status: "SENDING" }, data: { status: "CANCELLED", claimedUntil: null } });
    return { sent: 0, failed: 0, cancelled: claimed.length };
  }
  const reminders: Reminder[] = messages
    .filter((m) => isEmailKind(m.kind))
    .map((m) => ({ kind: m.kind as Reminder["kind"], caseCode: m.case?.code ?? null, facts: (m.facts ?? {}) as EmailFacts }));
  const mail = digest ? await composeDigest(recipient.locale, reminders) : await composeReminder(recipient.locale, reminders[0]);
  try {
    await transport.sendMail({ from: mailFrom(), to: recipient.email, subject: mail.subject, text: mail.text, messageId: `<${messages[0].id}@waypoint>` });
  } catch (error) {
    const attempts = messages[0].attempts;
    const gaveUp = attempts >= MAX_ATTEMPTS;
    await db.outboxMessage.updateMany({
      where: { id: { in: claimed }, status: "SENDING" },
      data: { status: gaveUp ? "FAILED" : "QUEUED", claimedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: describeSmtpError(error) },
    });
    return { sent: 0, failed: claimed.length, cancelled: 0 };
  }
  await db.outboxMessage.updateMany({ where: { id: { in: claimed }, status: "SENDING" }, data: { status: "SENT", sentAt: new Date(), claimedUntil: null, lastError: null } });
  return { sent: claimed.length, failed: 0, cancelled: 0 };
}

/** The SMTP server's answer (e.g. "451 4.3.0 try again later"), short: what an administrator needs to see. */
function describeSmtpError(error: unknown): string {
  const detail = error as { response?: string; code?: string; message?: string };
  return String(detail.response ?? detail.message ?? detail.code ?? "unknown error").slice(0, 300);
}

/** An administrator sends a failed (or cancelled) message again: queued now, attempts counted afresh. */
export async function retryMessage(tx: Pick<Tx, "outboxMessage">, id: string): Promise<boolean> {
  const updated = await tx.outboxMessage.updateMany({
    where: { id, status: { in: ["FAILED", "CANCELLED"] } },
    data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  return updated.count === 1;
}


/** Sent and cancelled messages are kept this long for the outbox page, then deleted. */
export const KEEP_DONE_DAYS = 90;

export async function forgetOldMessages(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEEP_DONE_DAYS * 24 * 3_600_000);
  return (await db.outboxMessage.deleteMany({ where: { status: { in: ["SENT", "CANCELLED"] }, createdAt: { lt: before } } })).count;
}
