"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createTaskAction } from "@/lib/tasks/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

export function AddTaskForm({ code, people, currentUserId }: { code: string; people: { id: string; name: string }[]; currentUserId: string }) {
  const t = useTranslations("tasks");
  const { state, onSubmit, pending, errorFor, formError, hasFieldErrors } = useFormAction(createTaskAction.bind(null, code));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {state.ok && !pending ? <Alert tone="success">{t("added")}</Alert> : null}
      <TextField label={t("taskTitle")} name="title" autoComplete="off" error={errorFor("title")} />
      <TextField label={t("dueOn")} name="dueOn" type="date" error={errorFor("dueOn")} />
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
