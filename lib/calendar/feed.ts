import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { hearingScope, taskScope } from "@/lib/policy";
import { createTranslator } from "next-intl";
import { taskTitle } from "@/lib/tasks/titles";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/locales";
import { buildCalendar, type IcsEvent } from "./ics";
import { hashCalendarToken } from "./token";
import { daysFrom, isoDate } from "@/lib/dates";
import { localName } from "@/lib/reference/names";

/**
 * The personal feed behind a secret token: hearings where the user is
 * counsel or the case's caseworker, and the user's open deadlines. Events
 * name case codes, courts and rule titles, never people or free text. Null
 * for an unknown token.
 */
export async function calendarFeed(token: string, ip: string | null): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const user = await db.user.findFirst({ where: { calendarTokenHash: hashCalendarToken(token), active: true }, select: { id: true, role: true, teamId: true, locale: true } });
  if (!user) return null;
  const now = new Date();
  const from = daysFrom(now, -30);
  const to = daysFrom(now, 366);
  const [hearings, tasks] = await Promise.all([
    db.hearing.findMany({
      where: { AND: [hearingScope(user), { startsAt: { gte: from, lt: to } }, { OR: [{ counselId: user.id }, { proceeding: { case: { caseworkerId: user.id } } }] }] },
      orderBy: { startsAt: "asc" },
      take: 2000,
      select: { id: true, startsAt: true, durationMinutes: true, purpose: true, court: { select: { name: true, names: true } }, proceeding: { select: { case: { select: { code: true } } } } },
    }),
    db.task.findMany({
      where: { AND: [{ assigneeId: user.id, completedAt: null }, taskScope(user)] },
      orderBy: { dueOn: "asc" },
      take: 2000,
      select: { id: true, dueOn: true, title: true, ruleKey: true, case: { select: { code: true } } },
    }),
  ]);
  // Everything in the feed owner's language, as the app shows it (the feed is
  // fetched by a calendar program, not by the signed-in owner).
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  const rules = createTranslator({ locale, messages, namespace: "tasks.rules" });
  const purpose = createTranslator({ locale, messages, namespace: "enums.hearingPurpose" });
  const t = createTranslator({ locale, messages, namespace: "calendarFeed" });
  const events: IcsEvent[] = [
    ...hearings.map((h) => ({
      uid: `hearing-${h.id}@waypoint`,
      summary: `${h.proceeding.case.code}: ${purpose(h.purpose)}`,
      location: localName(h.court, locale),
      start: h.startsAt,
      end: new Date(h.startsAt.getTime() + h.durationMinutes * 60_000),
    })),
    ...tasks.map((task) => ({
      uid: `task-${task.id}@waypoint`,
      // A task typed by a person may name someone or a place ("Call … at the
      // safe house"): the feed, kept by a calendar program outside Waypoint,
      // carries only rule titles and case codes.
      summary: `${task.case.code}: ${task.ruleKey ? taskTitle(task, rules) : t("personTask")}`,
      description: task.ruleKey ? t("ruleDeadline", { rule: taskTitle(task, rules) }) : t("task"),
      date: isoDate(task.dueOn),
      allDay: true as const,
    })),
  ];
  await recordAudit(db, { actorId: user.id, action: "calendar.fetch", entity: "User", entityId: user.id, ip, detail: { events: events.length } });
  return buildCalendar({ name: t("name"), events });
}
