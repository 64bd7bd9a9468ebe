import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { taskScope, type Actor } from "@/lib/policy";
import { isoDate, todayInBangkok } from "@/lib/dates";
import { daysUntil } from "@/lib/tasks/buckets";
import { pageCount, ROWS_PER_PAGE } from "@/lib/paging";

/** Every open deadline set by a rule (appeals, filings, renewals) on cases the actor may see, soonest (most overdue) first, a page at a time. */
export async function openDeadlines(actor: Actor, page = 1) {
  const today = todayInBangkok();
  const where: Prisma.TaskWhereInput = { AND: [{ origin: "RULE", completedAt: null }, taskScope(actor)] };
  const [total, tasks] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      skip: (page - 1) * ROWS_PER_PAGE,
      take: ROWS_PER_PAGE,
      select: {
        id: true,
        title: true,
        ruleKey: true,
        dueOn: true,
        working: true,
        assignee: { select: { name: true } },
        proceeding: { select: { type: true, stage: true } },
        case: { select: { code: true } },
      },
    }),
  ]);
  return {
    total,
    pages: pageCount(total),
    rows: tasks.map((task) => ({ ...task, daysLeft: daysUntil(isoDate(task.dueOn), today) })),
  };
}

