import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { taskScope, type Actor } from "@/lib/policy";
import { isoDate, todayInBangkok } from "@/lib/dates";
import { bucketFor, daysUntil, type Bucket } from "./buckets";

const TASK_SELECT = {
  id: true,
  title: true,
  dueOn: true,
  origin: true,
  ruleKey: true,
  version: true,
  completedAt: true,
  metByStage: true,
  metOn: true,
  assignee: { select: { id: true, name: true } },
  createdBy: { select: { name: true } },
  proceeding: { select: { type: true } },
  case: { select: { code: true, teamId: true } },
  working: true,
} as const;

function withTiming<T extends { dueOn: Date }>(task: T, today: string) {
  const due = isoDate(task.dueOn);
  return { ...task, due, bucket: bucketFor(due, today) as Bucket, daysLeft: daysUntil(due, today) };
}

/** The actor's open tasks on cases they may see, soonest first. */
export async function myOpenTasks(actor: Actor) {
  const today = todayInBangkok();
  const tasks = await db.task.findMany({
    where: { AND: [{ assigneeId: actor.id, completedAt: null }, taskScope(actor)] },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: TASK_SELECT,
  });
  return tasks.map((task) => withTiming(task, today));
}
export type TaskView = Awaited<ReturnType<typeof myOpenTasks>>[number];

/** A case's open tasks and the last completed ones. */
export async function caseTasks(access: CaseAccess) {
  const { caseId } = access;
  const today = todayInBangkok();
  const [open, done] = await Promise.all([
    db.task.findMany({ where: { caseId, completedAt: null }, orderBy: [{ dueOn: "asc" }], select: TASK_SELECT }),
    db.task.findMany({ where: { caseId, completedAt: { not: null } }, orderBy: [{ completedAt: "desc" }], take: 20, select: TASK_SELECT }),
  ]);
  return { open: open.map((t) => withTiming(t, today)), done: done.map((t) => withTiming(t, today)) };
}

/** People a case's tasks may be given to: active staff of its team and its named members. */
export async function taskAssignees(access: CaseAccess) {
  // The case's team as the gate read it (access.teamId), its members through their memberships: one statement.
  return db.user.findMany({
    where: {
      active: true,
      OR: [{ teamId: access.teamId, role: { in: ["CASEWORKER", "SUPERVISOR", "LEGAL_OFFICER"] } }, { memberships: { some: { caseId: access.caseId } } }],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
