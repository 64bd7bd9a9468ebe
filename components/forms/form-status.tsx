"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/** The message at the top of a form: a conflict, or a pointer to the fields below. */
export function FormStatus({ formError, hasFieldErrors }: { formError?: string; hasFieldErrors: boolean }) {
  const t = useTranslations("errors");
  if (formError) return <Alert>{formError}</Alert>;
  if (hasFieldErrors) return <Alert>{t("formHasErrors")}</Alert>;
  return null;
}
