"use client";
import { useTranslations } from "next-intl";
import { createTaskAction } from "@/lib/tasks/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function AddTaskForm({ code, people, currentUserId }: { code: string; people: { id: string; name: string }[]; currentUserId: string }) {
  const t = useTranslations("tasks");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(createTaskAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("added")}</Alert> : null}
      <TextField label={t("taskTitle")} name="title" required limit={TEXT_LIMITS.title} autoComplete="off" error={errorFor("title")} />
      <DateField label={t("dueOn")} name="dueOn" required error={errorFor("dueOn")} />
      <SelectField
        label={t("assignee")}
        name="assigneeId"
        defaultValue={people.some((p) => p.id === currentUserId) ? currentUserId : ""}
        options={[{ value: "", label: t("unassigned") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        error={errorFor("assigneeId")}
      />
      <Button type="submit" disabled={pending}>
        {t("addSubmit")}
      </Button>
    </form>
  );
}
