"use client";
import { useTranslations } from "next-intl";
import { decideClosureAction, requestClosureAction } from "@/lib/closures/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function RequestClosureForm({ code }: { code: string }) {
  const t = useTranslations("closure");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(requestClosureAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("request")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("requested")}</Alert> : null}
      <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.reason} rows={2} error={errorFor("reason")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("requestSubmit")}
      </Button>
    </form>
  );
}

export function DecideClosureForm({ code, requestId }: { code: string; requestId: string }) {
  const t = useTranslations("closure");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors } = useFormAction(decideClosureAction.bind(null, code, requestId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("decide")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextAreaField label={t("comment")} name="comment" limit={TEXT_LIMITS.reason} rows={2} hint={t("commentHint")} error={errorFor("comment")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="return" variant="secondary" disabled={pending}>
          {t("return")}
        </Button>
      </div>
    </form>
  );
}
