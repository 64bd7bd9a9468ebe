"use client";
import { useTranslations } from "next-intl";
import { liftHoldAction, placeHoldAction } from "@/lib/holds/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function PlaceHoldForm({ code }: { code: string }) {
  const t = useTranslations("holds");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors } = useFormAction(placeHoldAction.bind(null, code));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("place")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.reason} rows={2} hint={t("reasonHint")} error={errorFor("reason")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("placeSubmit")}
      </Button>
    </form>
  );
}

export function LiftHoldForm({ code, holdId }: { code: string; holdId: string }) {
  const t = useTranslations("holds");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors } = useFormAction(liftHoldAction.bind(null, code, holdId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("lift")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextAreaField label={t("liftReason")} name="reason" required limit={TEXT_LIMITS.reason} rows={2} error={errorFor("reason")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("liftSubmit")}
      </Button>
    </form>
  );
}
