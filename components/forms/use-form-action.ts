"use client";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { unstable_rethrow } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import type { FormState } from "@/lib/forms";
import { dbDate } from "@/lib/dates";
import { dateConvention, writeTypedDate } from "@/lib/typed-dates";
import { compareWithSaved, applySavedValue, drawnValues, type ConflictRow, type Drawn } from "./conflict";
import { useHydrated } from "./before-hydration";

/** A refused stale save: what is saved now beside what the reader typed (null rows: the page could not be read again). */
export type Conflict = { rows: ConflictRow[] | null; takeSaved: (row: ConflictRow) => void };

/**
 * Runs a server action from a form without React's automatic form reset, so
 * a form refused by the server keeps what the user typed, and gives the
 * translated message for each field. A form with text over a field's limit
 * is not sent (the field says by how much); a save that does not reach the
 * server (the connection dropped) says so and keeps the text, instead of
 * replacing the page with an error.
 */
export function useFormAction<S extends FormState = FormState>(action: (state: S, formData: FormData) => Promise<S>) {
  const guarded = async (previous: S, formData: FormData): Promise<S> => {
    try {
      return await action(previous, formData);
    } catch (error) {
      // A redirect or a not-found from the action is Next's to handle.
      unstable_rethrow(error);
      return { formError: "notSent" } as S;
    }
  };
  const [state, dispatch, pending] = useActionState<S, FormData>(guarded, {} as Awaited<S>);
  const t = useTranslations("errors");
  // Forms that add records empty themselves after a successful save.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  // The form last sent, for comparing with what is saved now when the save was stale.
  const sent = useRef<HTMLFormElement | null>(null);
  // What the form showed before the first save: a refused save may bring the page back with the saved values.
  const drawn = useRef<Drawn | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const format = useKeptFormatter();
  const locale = useLocale();
  useEffect(() => {
    const form = sent.current;
    // Saved: the page is drawn again from the saved record, which is what a later save starts from.
    if (state.ok) drawn.current = null;
    if (state.formError !== "conflict" || !form) return;
    let current = true;
    const formatDate = (iso: string) => format.dateTime(dbDate(iso), "day");
    const writeDate = (iso: string) => writeTypedDate(iso, dateConvention(locale));
    void compareWithSaved(form, drawn.current ?? new Map(), formatDate).then((rows) => {
      if (!current) return;
      setConflict({
        rows,
        takeSaved: (row) => {
          applySavedValue(form, row, writeDate);
          setConflict((before) => (before?.rows ? { ...before, rows: before.rows.filter((r) => r.name !== row.name) } : before));
        },
      });
    });
    return () => {
      current = false;
    };
  }, [state, format, locale]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sent.current = event.currentTarget;
    drawn.current ??= drawnValues(event.currentTarget);
    setConflict(null);
    // Text over a field's limit stays in the field, which says by how much: nothing is sent until it fits.
    const tooLong = event.currentTarget.querySelector<HTMLElement>('[data-over-limit="true"]');
    if (tooLong) {
      tooLong.focus();
      return;
    }
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
  // Until React has taken the page over, the form has no one to send it: the
  // browser would send it itself, as a GET with every field in the address.
  // `pending` holds the submit button back until then; `sending` is the save
  // under way, for a button's label.
  const hydrated = useHydrated();
  return { state, pending: pending || !hydrated, sending: pending, onSubmit, errorFor, formError, hasFieldErrors, formRef, saved, conflict: state.formError === "conflict" ? conflict : undefined };
}
