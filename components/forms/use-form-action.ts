"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";

/**
 * Runs a server action from a form without React's automatic form reset, so
 * a form refused by the server keeps what the user typed, and gives the
 * translated message for each field.
 */
export function useFormAction<S extends FormState = FormState>(action: (state: S, formData: FormData) => Promise<S>) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  const t = useTranslations("errors");
  // Forms that add records empty themselves after a successful save.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Include the button that submitted the form (e.g. approve / return).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => dispatch(formData));
  };
  const errorFor = (name: string): string | undefined => {
    const key = state.fieldErrors?.[name];
    if (!key) return undefined;
    return t.has(key) ? t(key, state.fieldErrorValues?.[name] ?? {}) : t("invalid");
  };
  const formError = state.formError ? (t.has(state.formError) ? t(state.formError, state.formErrorValues ?? {}) : t("invalid")) : undefined;
  const hasFieldErrors = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  const saved = Boolean(state.ok && !pending);
  return { state, pending, onSubmit, errorFor, formError, hasFieldErrors, formRef, saved };
}
