import "server-only";
import { Prisma, type ProceedingType } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { planEachTime } from "@/lib/prisma-client";
import { taskScope, teamColumnScope, type Actor } from "@/lib/policy";
import { pageViewStep, writePageView, type Viewing } from "@/lib/page-views";
import { isoDate, todayInBangkok } from "@/lib/dates";
import { daysUntil } from "@/lib/tasks/buckets";
import { pageCount, ROWS_PER_PAGE } from "@/lib/paging";

type Deadline = {
  id: string;
  title: string;
  ruleKey: string | null;
  dueOn: Date;
  working: Prisma.JsonValue;
  assignee: { name: string } | null;
  proceeding: { type: ProceedingType; stage: string } | null;
  case: { code: string };
};

/**
 * Every open deadline set by a rule (appeals, filings, renewals) on cases
 * the actor may see, soonest (most overdue) first, a page at a time, with
 * the view recorded (the codes shown).
 */
export async function openDeadlines(actor: Actor, page: number, viewing: Viewing) {
  const today = todayInBangkok();
  const teams = teamColumnScope(actor);
  const { total, tasks } = teams ? await teamDeadlines(actor, teams, page, viewing) : await deadlinesReadGenerally(actor, page, viewing);
  return {
    total,
    pages: pageCount(total),
    rows: tasks.map((task) => ({ ...task, daysLeft: daysUntil(isoDate(task.dueOn), today) })),
  };
}

/** The deadlines as anyone's scope reads them (taskScope), and the view recorded after. */
async function deadlinesReadGenerally(actor: Actor, page: number, viewing: Viewing): Promise<{ total: number; tasks: Deadline[] }> {
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
  await writePageView(actor, "deadlines", viewing, tasks.map((task) => task.case.code));
  return { total, tasks };
}

/**
 * A supervisor's deadlines (whole teams, read by the team each task
 * carries: teamColumnScope) in one statement: the total, the page with
 * its rows' case, proceeding and assignee, and the view recorded
 * (pageViewStep), where the general way took three round trips (the count
 * and the page side by side, then the view) and the ORM's nested read.
 * Planned at each view, as a page of a team's list is (prisma-client).
 * A test compares it with the general way (paging.integration.test).
 */
async function teamDeadlines(actor: Actor, teams: { teamId?: string }, page: number, viewing: Viewing): Promise<{ total: number; tasks: Deadline[] }> {
  const first = (page - 1) * ROWS_PER_PAGE;
  const open = Prisma.sql`${teams.teamId ? Prisma.sql`"teamId" = ${teams.teamId}::uuid` : Prisma.sql`true`} and origin = 'RULE' and "completedAt" is null`;
  const rows = await db.$queryRaw<
    { total: number; id: string | null; title: string; ruleKey: string | null; dueOn: Date; working: Prisma.JsonValue; assigneeName: string | null; proceedingType: ProceedingType | null; proceedingStage: string | null; code: string }[]
  >`${planEachTime} with shown as (
      select t.id::text, t.title, t."ruleKey", t."dueOn", t.working, a.name as "assigneeName", p.type::text as "proceedingType", p.stage as "proceedingStage", c.code,
        ${first}::int + row_number() over (order by t."dueOn", t.id) as n
      from (select id, title, "ruleKey", "dueOn", working, "assigneeId", "proceedingId", "caseId" from "Task" where ${open} order by "dueOn", id offset ${first} limit ${ROWS_PER_PAGE}) t
      join "Case" c on c.id = t."caseId" left join "User" a on a.id = t."assigneeId" left join "Proceeding" p on p.id = t."proceedingId"
    ), viewed as (${pageViewStep(actor, "deadlines", viewing, Prisma.sql`select code, n from shown`)})
    select (select count(*) from "Task" where ${open})::int as total, s.*
    from (select 1) one left join shown s on true
    order by s.n`;
  const tasks = rows.flatMap(({ id, title, ruleKey, dueOn, working, assigneeName, proceedingType, proceedingStage, code }) =>
    id === null
      ? []
      : [
          {
            id,
            title,
            ruleKey,
            dueOn,
            working,
            assignee: assigneeName === null ? null : { name: assigneeName },
            proceeding: proceedingType === null ? null : { type: proceedingType, stage: proceedingStage! },
            case: { code },
          },
        ],
  );
  return { total: rows[0].total, tasks };
}

