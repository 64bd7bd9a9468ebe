import "server-only";
// The e-mail worker on every app server: every half minute it sends what is
// due (lib/email/send: one server sends each message), and from 06:00
// Bangkok time it queues the day's reminders (lib/email/reminders: each
// once), before the 07:00 digests, and deletes messages sent or cancelled
// more than 90 days ago. Nothing runs unless SMTP_URL is set.
// EMAIL_SCHEDULE=off stops it (tests send by hand).
import { bangkokInstant, todayInBangkok } from "@/lib/dates";
import { describeServerError } from "@/lib/server-errors";
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
  const report = (what: string) => (error: unknown) => console.error(JSON.stringify({ msg: `e-mail ${what} could not run`, error: describeServerError(error) }));
  let sending = false;
  const send = () => {
    if (sending) return;
    sending = true;
    sendDueMessages()
      .catch(report("sending"))
      .finally(() => {
        sending = false;
      });
  };
  const remind = () => {
    queueRemindersIfDue().then(send, report("reminders"));
  };
  setTimeout(remind, 20_000).unref();
  setInterval(send, SEND_EVERY_MS).unref();
  setInterval(remind, REMINDERS_EVERY_MS).unref();
  return true;
}
