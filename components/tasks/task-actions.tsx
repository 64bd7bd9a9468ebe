"use client";
import { useTranslations } from "next-intl";
import { completeTaskAction, reassignTaskAction } from "@/lib/tasks/actions";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";

export function CompleteTaskButton({ taskId, version, label }: { taskId: string; version: number; label: string }) {
  const t = useTranslations("tasks");
  const { onSubmit, pending, formError } = useFormAction(completeTaskAction.bind(null, taskId));
  return (
    <form onSubmit={onSubmit}>
      {formError ? <Alert>{formError}</Alert> : null}
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`${t("complete")}: ${label}`}>
        {t("complete")}
      </Button>
    </form>
  );
}

export function ReassignTaskForm({ taskId, version, assigneeId, people, label }: { taskId: string; version: number; assigneeId: string | null; people: { id: string; name: string }[]; label: string }) {
  const t = useTranslations("tasks");
  const { onSubmit, pending, errorFor, formError, state } = useFormAction(reassignTaskAction.bind(null, taskId));
  const selectId = `reassign-${taskId}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor={selectId} className="block text-xs text-slate-700">
          {t("reassign")} <span className="sr-only">{label}</span>
        </label>
        <select id={selectId} name="assigneeId" defaultValue={assigneeId ?? ""} className="rounded border border-slate-400 bg-white px-2 py-1 text-sm">
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reassignSubmit")}
      </Button>
      {errorFor("assigneeId") ? <p role="alert" className="w-full text-sm text-red-700">{errorFor("assigneeId")}</p> : null}
      {formError ? <p role="alert" className="w-full text-sm text-red-700">{formError}</p> : null}
      {state.ok && !pending ? <p role="status" className="w-full text-sm text-green-800">{t("reassigned")}</p> : null}
    </form>
  );
}
