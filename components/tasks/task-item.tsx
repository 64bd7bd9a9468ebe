import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { TaskView } from "@/lib/tasks/queries";
import { taskTitle } from "@/lib/tasks/titles";
import { DeadlineWorking } from "./deadline-working";
import { CompleteTaskButton, ReassignTaskForm } from "./task-actions";

/** One task: what, for which case, when due (overdue in red), where it came from. */
export async function TaskItem({ task, people, showCase, canManage }: { task: TaskView; people?: { id: string; name: string }[]; showCase: boolean; canManage: boolean }) {
  const t = await getTranslations("tasks");
  const tRule = await getTranslations("tasks.rules");
  const tType = await getTranslations("enums.proceedingType");
  const tStage = await getTranslations("stages");
  const format = await getFormatter();
  const label = taskTitle(task, tRule);
  const overdue = !task.completedAt && task.daysLeft < 0;
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 bg-white p-3" data-testid="task">
      <div className="text-sm">
        <p className="font-semibold">{label}</p>
        <p className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>
          {t("due", { date: format.dateTime(task.dueOn, "day") })}
          {task.completedAt
            ? ` · ${task.metByStage && task.metOn ? t("metBy", { stage: tStage(task.metByStage), date: format.dateTime(task.metOn, "day") }) : t("completed")}`
            : ` · ${overdue ? t("daysOverdue", { days: -task.daysLeft }) : t("daysLeft", { days: task.daysLeft })}`}
        </p>
        <p className="text-slate-700">
          {showCase ? (
            <>
              <Link href={`/cases/${task.case.code}/tasks`} className="font-mono text-blue-800 underline">
                {task.case.code}
              </Link>
              {" · "}
            </>
          ) : null}
          {task.proceeding ? `${tType(task.proceeding.type)} · ` : ""}
          {task.assignee?.name ?? t("unassigned")}
          {" · "}
          {task.origin === "RULE" ? t("fromRule", { rule: task.ruleKey ?? "" }) : t("byHand", { name: task.createdBy?.name ?? "?" })}
        </p>
        <DeadlineWorking working={task.working} ruleKey={task.ruleKey} />
      </div>
      {canManage && !task.completedAt ? (
        <div className="flex flex-wrap items-end gap-3">
          {people ? <ReassignTaskForm taskId={task.id} version={task.version} assigneeId={task.assignee?.id ?? null} people={people} label={label} /> : null}
          <CompleteTaskButton taskId={task.id} version={task.version} label={label} />
        </div>
      ) : null}
    </li>
  );
}

// Rule key → message key of its title, from the workflow rules themselves.
