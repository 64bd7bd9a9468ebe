"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  // Controlled, so the e-mail and password stay filled in when the form
  // comes back asking for the code from the authenticator app.
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const message = state.error === "code" ? null : state.error === "locked" ? t("locked") : state.error ? t("invalid") : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      {message ? <Alert>{message}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus={!state.askCode} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      {state.askCode ? (
        <TextField label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" hint={t("codeHint")} required autoFocus />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
