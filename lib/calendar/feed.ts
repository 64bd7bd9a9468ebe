import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { caseScope, hearingScope } from "@/lib/policy";
import { deadlineRules } from "@/lib/workflows";
import { RULE_TITLES } from "@/lib/tasks/rule-titles";
import { buildCalendar, type IcsEvent } from "./ics";
import { hashCalendarToken } from "./token";

const PURPOSE: Record<string, string> = {
  FIRST_HEARING: "First hearing",
  WITNESS: "Witness hearing",
  BAIL: "Bail hearing",
  VERDICT: "Verdict",
  COURT_ORDER: "Court order",
  APPEAL: "Appeal hearing",
  OTHER: "Hearing",
};
const RULE_TITLE_BY_KEY = new Map(deadlineRules().map((rule) => [rule.key, RULE_TITLES[rule.title]]));

/**
 * The personal feed behind a secret token: hearings where the user is
 * counsel or the case's caseworker, and the user's open deadlines. Events
 * name case codes and courts, never people. Null for an unknown token.
 */
export async function calendarFeed(token: string, ip: string | null): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const user = await db.user.findFirst({ where: { calendarTokenHash: hashCalendarToken(token), active: true }, select: { id: true, role: true, teamId: true } });
  if (!user) return null;
  const from = new Date(Date.now() - 30 * 86_400_000);
  const to = new Date(Date.now() + 366 * 86_400_000);
  const [hearings, tasks] = await Promise.all([
    db.hearing.findMany({
      where: { AND: [hearingScope(user), { startsAt: { gte: from, lt: to } }, { OR: [{ counselId: user.id }, { proceeding: { case: { caseworkerId: user.id } } }] }] },
      orderBy: { startsAt: "asc" },
      take: 2000,
      select: { id: true, startsAt: true, durationMinutes: true, purpose: true, court: { select: { name: true } }, proceeding: { select: { case: { select: { code: true } } } } },
    }),
    db.task.findMany({
      where: { assigneeId: user.id, completedAt: null, case: caseScope(user) },
      orderBy: { dueOn: "asc" },
      take: 2000,
      select: { id: true, dueOn: true, title: true, ruleKey: true, case: { select: { code: true } } },
    }),
  ]);
  const events: IcsEvent[] = [
    ...hearings.map((h) => ({
      uid: `hearing-${h.id}@waypoint`,
      summary: `${h.proceeding.case.code}: ${PURPOSE[h.purpose] ?? "Hearing"}`,
      location: h.court.name,
      start: h.startsAt,
      end: new Date(h.startsAt.getTime() + h.durationMinutes * 60_000),
    })),
    ...tasks.map((task) => ({
      uid: `task-${task.id}@waypoint`,
      summary: `${task.case.code}: ${(task.ruleKey && RULE_TITLE_BY_KEY.get(task.ruleKey)) || task.title}`,
      description: task.ruleKey ? `Deadline set by rule ${task.ruleKey}` : "Task",
      date: task.dueOn.toISOString().slice(0, 10),
      allDay: true as const,
    })),
  ];
  await db.$transaction((tx) => recordAudit(tx, { actorId: user.id, action: "calendar.fetch", entity: "User", entityId: user.id, ip, detail: { events: events.length } }));
  return buildCalendar({ name: "Waypoint: hearings and deadlines", events });
}
