import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { getTranslations } from "@/lib/i18n/server";
import { can } from "@/lib/policy";
import { caseTasks, taskAssignees } from "@/lib/tasks/queries";
import { CaseHeader } from "@/components/cases/case-header";
import { TaskItem } from "@/components/tasks/task-item";
import { AddTaskForm } from "@/components/tasks/add-task-form";
import { Section } from "@/components/ui/section";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("caseTasks");

export default async function CaseTasksPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { section: "tasks" });
  const [tasks, people] = await Promise.all([caseTasks(access), taskAssignees(access)]);
  const t = await getTranslations("tasks");
  const canManage = can(user, "task:manage");
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="tasks" />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="case-tasks-heading" className="space-y-3 lg:col-span-2">
          <h2 id="case-tasks-heading" className="text-lg font-semibold">
            {t("title")}
          </h2>
          {tasks.open.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
          <ul className="space-y-2">
            {tasks.open.map((task) => (
              <TaskItem key={task.id} task={task} people={people} showCase={false} canManage={canManage} />
            ))}
          </ul>
          {tasks.done.length ? (
            <details>
              <summary className="cursor-pointer text-sm font-semibold text-blue-800">
                {t("done")} ({tasks.done.length})
              </summary>
              <ul className="mt-2 space-y-2">
                {tasks.done.map((task) => (
                  <TaskItem key={task.id} task={task} showCase={false} canManage={false} />
                ))}
              </ul>
            </details>
          ) : null}
        </section>
        {canManage ? (
          <Section id="add-task-heading" title={t("add")} headingClassName="mb-3">
            <AddTaskForm code={file.code} people={people} currentUserId={user.id} />
          </Section>
        ) : null}
      </div>
    </div>
  );
}
