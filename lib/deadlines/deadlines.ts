import "server-only";
// Deadlines as the records hold them: the court calendar read from the
// database, the due date of a rule's task counted on it (with its working
// kept beside the date), and the recount of every open deadline when an
// administrator changes the calendar.
import type { Tx } from "@/lib/db";
import { refuse } from "@/lib/refusal";
import { recordAudit } from "@/lib/audit";
import { dbDate, isoDate, type CalendarDate } from "@/lib/dates";
import type { DeadlinePeriod } from "@/lib/workflows/types";
import { courtCalendar, type Closure, type CourtCalendar } from "./court-calendar";

type Context = { actorId: string; ip: string | null };
import { countDeadline, type Working } from "./count";
import { storedWorkingOf } from "./working-view";

/** A recount a calendar change made: shown under the deadline as a note. */
export type Recount = { at: string; from: CalendarDate; to: CalendarDate; change: CalendarChange };
export type CalendarChange = { change: "added" | "removed"; closure: Closure };
/** What a rule task's `working` column holds. */
export type StoredWorking = Working & { recounts?: Recount[] };

export async function loadCourtCalendar(tx: Pick<Tx, "courtClosure">): Promise<CourtCalendar> {
  const closures = await tx.courtClosure.findMany({ select: { date: true, kind: true, name: true } });
  return courtCalendar(closures.map((c) => ({ date: isoDate(c.date), kind: c.kind, name: c.name })));
}

/** The due date of a rule's deadline and the fields that keep its working. */
export function countedDeadline(countedFrom: CalendarDate, period: DeadlinePeriod, calendar: CourtCalendar) {
  const working = countDeadline(countedFrom, period, calendar);
  return { dueOn: dbDate(working.due), countedFrom: dbDate(countedFrom), working: working as StoredWorking };
}

/**
 * After a change to the court calendar, counts every open deadline again on
 * the new calendar. A deadline whose date changes gets the new date, a note
 * saying why (kept in its working) and an audit row; met and closed
 * deadlines stay as they were. Returns how many moved.
 */
export async function recountOpenDeadlines(tx: Tx, change: CalendarChange, context: Context): Promise<number> {
  const calendar = await loadCourtCalendar(tx);
  const open = await tx.task.findMany({
    where: { origin: "RULE", completedAt: null, countedFrom: { not: null } },
    select: { id: true, caseId: true, dueOn: true, working: true },
  });
  let moved = 0;
  for (const task of open) {
    const before = storedWorkingOf(task.working, null);
    if (!before) continue;
    const after = countDeadline(before.countedFrom, before.period, calendar);
    const from = isoDate(task.dueOn);
    if (after.due === from) continue;
    const recounts = [...(before.recounts ?? []), { at: new Date().toISOString(), from, to: after.due, change }];
    await tx.task.update({
      where: { id: task.id },
      data: { dueOn: dbDate(after.due), working: { ...after, recounts }, updatedById: context.actorId, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "task.update",
      entity: "Task",
      entityId: task.id,
      caseId: task.caseId,
      fields: ["dueOn"],
      ip: context.ip,
      detail: { from, to: after.due, calendar: change.change, closure: change.closure.date },
    });
    moved++;
  }
  return moved;
}

/** Adds a day the courts do not sit and recounts the open deadlines; returns how many moved. */
export async function addClosure(tx: Tx, closure: Closure, context: Context): Promise<number> {
  if (await tx.courtClosure.findUnique({ where: { date: dbDate(closure.date) }, select: { date: true } })) refuse("closureExists", "date");
  await tx.courtClosure.create({ data: { date: dbDate(closure.date), kind: closure.kind, name: closure.name, createdById: context.actorId } });
  return recountOpenDeadlines(tx, { change: "added", closure }, context);
}

/** Takes a closure off the calendar and recounts the open deadlines; returns how many moved. */
export async function removeClosure(tx: Tx, date: CalendarDate, context: Context): Promise<number> {
  const closure = await tx.courtClosure.findUnique({ where: { date: dbDate(date) }, select: { kind: true, name: true } });
  if (!closure) refuse("notFound");
  await tx.courtClosure.delete({ where: { date: dbDate(date) } });
  return recountOpenDeadlines(tx, { change: "removed", closure: { date, ...closure } }, context);
}
