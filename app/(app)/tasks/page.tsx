import type { Metadata } from "next";
import { recordPageView } from "@/lib/page-views";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { myOpenTasks } from "@/lib/tasks/queries";
import type { Bucket } from "@/lib/tasks/buckets";
import { TaskItem } from "@/components/tasks/task-item";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("myWork");

const BUCKETS: Bucket[] = ["overdue", "thisWeek", "later"];

export default async function MyWorkPage() {
  const user = await requireUser();
  const t = await getTranslations("tasks");
  const tasks = can(user, "case:read") ? await myOpenTasks(user) : [];
  await recordPageView(user, "tasks", { cases: tasks.map((task) => task.case.code) });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("myWork")}</h1>
      {tasks.length === 0 ? <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{t("noTasks")}</p> : null}
      {tasks.length > 0
        ? BUCKETS.map((bucket) => {
            const inBucket = tasks.filter((task) => task.bucket === bucket);
            return (
              <section key={bucket} aria-labelledby={`bucket-${bucket}`}>
                <h2 id={`bucket-${bucket}`} className={`mb-2 text-lg font-semibold ${bucket === "overdue" ? "text-red-800" : ""}`}>
                  {t(bucket)} ({inBucket.length})
                </h2>
                {inBucket.length === 0 ? (
                  <p className="text-sm text-slate-700">{t("none")}</p>
                ) : (
                  <ul className="space-y-2" data-testid={`tasks-${bucket}`}>
                    {inBucket.map((task) => (
                      <TaskItem key={task.id} task={task} showCase canManage={can(user, "task:manage")} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        : null}
    </div>
  );
}
