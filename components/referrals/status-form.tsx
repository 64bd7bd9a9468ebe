"use client";
import { useTranslations } from "next-intl";
import { updateReferralStatusAction } from "@/lib/referrals/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

/** The next steps a referral may take (accept / decline, then complete), with an optional note. */
export function ReferralStatusForm({ id, version, next }: { id: string; version: number; next: string[] }) {
  const t = useTranslations("referrals");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, conflict } = useFormAction(updateReferralStatusAction.bind(null, id));
  if (next.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label={t("statusFormLabel")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <input type="hidden" name="version" value={version} />
      <TextField label={t("statusNote")} name="note" autoComplete="off" error={errorFor("note") ?? errorFor("status")} />
      <div className="flex flex-wrap gap-2">
        {next.map((status) => (
          <Button key={status} type="submit" name="status" value={status} variant={status === "DECLINED" ? "secondary" : "primary"} disabled={pending}>
            {t(`mark_${status}`)}
          </Button>
        ))}
      </div>
    </form>
  );
}
