import "server-only";
// What an e-mail says, drawn when it is sent, in the recipient's language:
// the case code, the kind of reminder, dates, a hearing's purpose or a
// deadline rule's title, and links. Never a name, an address or anything a
// person typed (a task written by hand is "a task"): e-mail leaves Waypoint
// and sits in mailboxes Waypoint cannot protect.
import { createFormatter, createTranslator } from "next-intl";
import { formats } from "@/i18n/formats";
import { DEFAULT_LOCALE, TIME_ZONE, isLocale, type Locale } from "@/i18n/locales";
import { dbDate } from "@/lib/dates";
import { ruleTitleKey } from "@/lib/tasks/titles";
import { appUrl } from "./config";
import type { EmailFacts, EmailKind } from "./outbox";

export type Reminder = { kind: EmailKind; caseCode: string | null; facts: EmailFacts };
export type ComposedMail = { subject: string; text: string };

const MESSAGE_KEY = {
  "hearing-tomorrow": "hearingTomorrow",
  "deadline-soon": "deadlineSoon",
  "deadline-overdue": "deadlineOverdue",
  incident: "incident",
  "closure-approved": "closureApproved",
  "closure-returned": "closureReturned",
  "programme-suspended": "programmeSuspended",
} as const satisfies Record<EmailKind, string>;

/** Where each kind's link goes in the case. */
const CASE_SECTION: Record<EmailKind, string> = {
  "hearing-tomorrow": "/proceedings",
  "deadline-soon": "/tasks",
  "deadline-overdue": "/tasks",
  incident: "",
  "closure-approved": "",
  "closure-returned": "",
  "programme-suspended": "/proceedings",
};

async function translators(localeName: string) {
  const locale: Locale = isLocale(localeName) ? localeName : DEFAULT_LOCALE;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return {
    t: createTranslator({ locale, messages, namespace: "email" }),
    rules: createTranslator({ locale, messages, namespace: "tasks.rules" }),
    purposes: createTranslator({ locale, messages, namespace: "enums.hearingPurpose" }),
    format: createFormatter({ locale, timeZone: TIME_ZONE, formats }),
  };
}

type Translators = Awaited<ReturnType<typeof translators>>;

function describe({ t, rules, purposes, format }: Translators, reminder: Reminder) {
  const { facts } = reminder;
  const code = reminder.caseCode ?? "—";
  const ruleKey = facts.rule ? ruleTitleKey(facts.rule) : null;
  const values = {
    code,
    time: facts.startsAt ? format.dateTime(new Date(facts.startsAt), "moment") : "",
    purpose: facts.purpose && purposes.has(facts.purpose as "OTHER") ? purposes(facts.purpose as "OTHER") : "",
    date: facts.dueOn ? format.dateTime(dbDate(facts.dueOn), "weekday") : "",
    rule: ruleKey && rules.has(ruleKey as never) ? rules(ruleKey as never) : t("aTask"),
  };
  const key = MESSAGE_KEY[reminder.kind];
  const link = reminder.caseCode ? `${appUrl()}/cases/${reminder.caseCode}${CASE_SECTION[reminder.kind]}` : `${appUrl()}/notifications`;
  return { subject: t(`${key}Subject`, values), line: t(key, values), link };
}

function footer({ t }: Translators) {
  return `--\n${t("footer", { link: `${appUrl()}/account` })}`;
}

/** One reminder on its own. */
export async function composeReminder(locale: string, reminder: Reminder): Promise<ComposedMail> {
  const tr = await translators(locale);
  const { subject, line, link } = describe(tr, reminder);
  return { subject, text: `${line}\n\n${tr.t("open", { link })}\n\n${footer(tr)}\n` };
}

/** A day's reminders in one message, oldest first. */
export async function composeDigest(locale: string, reminders: Reminder[]): Promise<ComposedMail> {
  const tr = await translators(locale);
  const lines = reminders.map((reminder) => {
    const { line, link } = describe(tr, reminder);
    return `- ${line}\n  ${link}`;
  });
  return { subject: tr.t("digestSubject", { count: reminders.length }), text: `${tr.t("digestIntro")}\n\n${lines.join("\n")}\n\n${footer(tr)}\n` };
}
