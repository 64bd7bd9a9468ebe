"use client";
import { useTranslations } from "next-intl";
import { setEmailRemindersAction } from "@/lib/auth/account-actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

const CHOICES = ["IMMEDIATE", "DAILY", "OFF"] as const;

/** How reminders (a hearing tomorrow, a deadline near, an incident…) reach this user by e-mail. */
export function EmailReminders({ current, configured }: { current: (typeof CHOICES)[number]; configured: boolean }) {
  const t = useTranslations("account");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, saved } = useFormAction(setEmailRemindersAction);
  const error = errorFor("emailReminders");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("emailReminders")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("emailRemindersSaved")}</Alert> : null}
      <p className="text-sm text-slate-700">{t("emailRemindersIntro")}</p>
      {configured ? null : <p className="text-sm font-semibold text-slate-800">{t("emailOff")}</p>}
      <fieldset aria-describedby={error ? "email-reminders-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("emailRemindersChoose")}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="flex items-center gap-2 py-1 text-sm">
            <input type="radio" name="emailReminders" value={choice} defaultChecked={choice === current} className="h-4 w-4" />
            {t(`emailReminders_${choice}`)}
          </label>
        ))}
        {error ? (
          <p id="email-reminders-error" className="mt-1 text-sm font-semibold text-red-800">
            {error}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("emailRemindersSave")}
      </Button>
    </form>
  );
}
