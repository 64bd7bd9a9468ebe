import "server-only";
// The e-mail worker on every app server: every half minute it sends what is
// due (lib/email/send: one server sends each message), and from 06:00
// Bangkok time it queues the day's reminders (lib/email/reminders: each
// once), before the 07:00 digests, and deletes messages sent or cancelled
// more than 90 days ago. Nothing runs unless SMTP_URL is set.
// EMAIL_SCHEDULE=off stops it (tests send by hand).
import { bangkokInstant, todayInBangkok } from "@/lib/dates";
import { repeat } from "@/lib/background";
import { emailConfigured } from "./config";
import { queueDueReminders } from "./reminders";
import { forgetOldMessages, sendDueMessages } from "./send";

const SEND_EVERY_MS = 30_000;
const REMINDERS_EVERY_MS = 15 * 60_000;
const REMINDERS_FROM = "06:00";

export async function queueRemindersIfDue(now: Date = new Date()) {
  if (now < bangkokInstant(todayInBangkok(now), REMINDERS_FROM)) return 0;
  await forgetOldMessages(now);
  return queueDueReminders(now);
}

/** Starts the worker; says whether it did. */
export function startEmailSchedule(): boolean {
  if (!emailConfigured() || process.env.EMAIL_SCHEDULE === "off") return false;
  const send = repeat("e-mail sending", sendDueMessages, { first: SEND_EVERY_MS, every: SEND_EVERY_MS });
  // Reminders just queued are sent at once rather than at the next turn.
  repeat("e-mail reminders", () => queueRemindersIfDue().then(send), { first: 20_000, every: REMINDERS_EVERY_MS });
  return true;
}
