"use client";
import { useTranslations } from "next-intl";
import { addNoteAction } from "@/lib/notes/actions";
import { NOTE_KINDS } from "@/lib/notes/schema";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { useEnumOptions } from "./options";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function NoteForm({ code }: { code: string }) {
  const t = useTranslations("caseFile");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addNoteAction.bind(null, code));
  const kinds = useEnumOptions("noteKind", NOTE_KINDS);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("noteSaved")}</Alert> : null}
      <SelectField label={t("noteKind")} name="kind" required options={kinds} defaultValue="CONTACT" error={errorFor("kind")} />
      <TextAreaField label={t("noteBody")} name="body" required limit={TEXT_LIMITS.note} rows={4} error={errorFor("body")} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confidential" className="h-4 w-4" />
        {t("confidentialLabel")}
      </label>
      <Button type="submit" disabled={pending}>
        {t("saveNote")}
      </Button>
    </form>
  );
}
