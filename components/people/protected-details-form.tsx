"use client";
import { useTranslations } from "next-intl";
import { updateProtectedDetailsAction } from "@/lib/people/actions";
import type { ProtectedField } from "@/lib/policy";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { SavedMessage } from "@/components/forms/saved-message";

/** The protected details this user may change, each with its current value. */
export function ProtectedDetailsForm(props: { code: string; personId: string; version: number; fields: ProtectedField[]; values: Partial<Record<ProtectedField, string | null>> }) {
  const t = useTranslations("protected");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, saved, conflict } = useFormAction(updateProtectedDetailsAction.bind(null, props.code, props.personId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <input type="hidden" name="version" value={props.version} />
      {props.fields.map((field) =>
        field === "address" || field === "safeHouse" ? (
          <TextAreaField key={field} label={t(field)} name={field} rows={2} defaultValue={props.values[field] ?? ""} error={errorFor(field)} />
        ) : (
          <TextField key={field} label={t(field)} name={field} autoComplete="off" defaultValue={props.values[field] ?? ""} error={errorFor(field)} />
        ),
      )}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
      <SavedMessage show={saved}>{t("saved")}</SavedMessage>
    </form>
  );
}
