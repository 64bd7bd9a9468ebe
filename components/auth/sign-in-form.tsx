"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const message = state.error === "code" ? null : state.error === "locked" ? t("locked") : state.error ? t("invalid") : null;
  // Sent from onSubmit rather than as the form's action, so React does not
  // empty the form afterwards: the e-mail and password stay filled in when
  // it comes back asking for the code from the authenticator app. The
  // fields are not controlled: what someone types while the page's scripts
  // are still loading (a slow phone) is kept, not reset to the empty value
  // it was drawn with. Before the scripts load, the form posts as it is.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message ? <Alert>{message}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus={!state.askCode} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {state.askCode ? (
        <TextField label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" hint={t("codeHint")} required autoFocus />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
