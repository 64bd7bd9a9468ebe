"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { changeOwnPasswordAction, confirmTotpAction, disableTotpAction } from "@/lib/auth/account-actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { SavedMessage } from "@/components/forms/saved-message";

export function ChangePasswordForm() {
  const t = useTranslations("security");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(changeOwnPasswordAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("changePassword")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("currentPassword")} name="current" type="password" autoComplete="current-password" error={errorFor("current")} />
      <TextField label={t("newPassword")} name="password" type="password" autoComplete="new-password" hint={t("passwordHint")} error={errorFor("password")} />
      <TextField label={t("confirmPassword")} name="confirm" type="password" autoComplete="new-password" error={errorFor("confirm")} />
      <Button type="submit" disabled={pending}>
        {t("changePassword")}
      </Button>
      <SavedMessage show={saved}>{t("passwordChanged")}</SavedMessage>
    </form>
  );
}

export function ConfirmTotpForm() {
  const t = useTranslations("security");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, state } = useFormAction(confirmTotpAction);
  const codes = state.ok ? state.data?.recoveryCodes?.split(" ") : undefined;
  if (codes) {
    return (
      <div className="space-y-3" data-testid="recovery-codes">
        <p role="status" className="font-semibold text-green-800">
          {t("totpEnabled")}
        </p>
        <p className="text-sm">{t("recoveryIntro")}</p>
        <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Link href="/cases" className="text-blue-800 underline">
          {t("continue")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("confirmTotp")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("codeFromApp")} name="code" inputMode="numeric" autoComplete="one-time-code" error={errorFor("code")} />
      <Button type="submit" disabled={pending}>
        {t("confirmTotp")}
      </Button>
    </form>
  );
}

export function DisableTotpForm() {
  const t = useTranslations("security");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors } = useFormAction(disableTotpAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("disableTotp")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("currentPassword")} name="current" type="password" autoComplete="current-password" error={errorFor("current")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("disableTotp")}
      </Button>
    </form>
  );
}
