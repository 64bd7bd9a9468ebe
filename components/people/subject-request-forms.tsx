"use client";
import { useTranslations } from "next-intl";
import { erasePersonAction } from "@/lib/people/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/** Export (a plain form: the browser downloads the .zip) and erasure, for supervisors. */
export function SubjectRequestForms({ code, personId }: { code: string; personId: string }) {
  const t = useTranslations("subjectRequests");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors } = useFormAction(erasePersonAction.bind(null, code, personId));
  return (
    <div className="space-y-4">
      <form method="post" action={`/api/people/${personId}/export`}>
        <p className="mb-2 text-sm">{t("exportIntro")}</p>
        <Button type="submit" variant="secondary">
          {t("export")}
        </Button>
      </form>
      <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-red-200 pt-4" aria-label={t("erase")}>
        <p className="text-sm">{t("eraseIntro")}</p>
        <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
        <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.reason} rows={2} error={errorFor("reason")} />
        <TextField label={t("confirm", { code })} name="confirm" required autoComplete="off" error={errorFor("confirm")} />
        <Button type="submit" variant="danger" disabled={pending}>
          {t("erase")}
        </Button>
      </form>
    </div>
  );
}
