"use client";
import { useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { addClosureAction, removeClosureAction } from "@/lib/deadlines/actions";
import { CLOSURE_KINDS, type ClosureKind } from "@/lib/deadlines/schema";
import { dbDate } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { SavedMessage } from "@/components/forms/saved-message";
import { DateField } from "@/components/ui/date-field";

export function AddClosureForm({ year }: { year: number }) {
  const t = useTranslations("courtCalendar");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, state } = useFormAction(addClosureAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("add")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <DateField label={t("date")} name="date" error={errorFor("date")} />
      <SelectField label={t("kindLabel")} name="kind" options={CLOSURE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} error={errorFor("kind")} />
      <TextField label={t("name")} name="name" autoComplete="off" hint={t("nameHint")} error={errorFor("name")} />
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
      <SavedMessage show={saved}>{t("recounted", { count: Number(state.data?.recounted ?? 0) })}</SavedMessage>
    </form>
  );
}

/**
 * The closures of a year, each with its remove button. One form for the
 * list (the button says which day), so the result of a removal stays on
 * screen after the removed day leaves the list.
 */
export function ClosureList({ closures }: { closures: { date: string; kind: ClosureKind; name: string }[] }) {
  const t = useTranslations("courtCalendar");
  const format = useKeptFormatter();
  const { onSubmit, pending, formError, saved, state } = useFormAction(removeClosureAction);
  const day = (iso: string) => format.dateTime(dbDate(iso), "weekday");
  return (
    <form onSubmit={onSubmit} className="mb-4" aria-label={t("closures")}>
      {closures.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noClosures")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm" data-testid="closures">
          {closures.map((c) => (
            <li key={c.date} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <time dateTime={c.date} className="font-semibold">
                  {day(c.date)}
                </time>{" "}
                · {c.name} <span className="text-slate-700">({t(`kind.${c.kind}`)})</span>
              </span>
              <Button type="submit" name="date" value={c.date} variant="secondary" disabled={pending} aria-label={t("remove", { date: day(c.date) })}>
                {t("removeShort")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {formError ? <p role="alert" className="text-sm text-red-700">{formError}</p> : null}
      <SavedMessage show={saved}>{t("recounted", { count: Number(state.data?.recounted ?? 0) })}</SavedMessage>
    </form>
  );
}
