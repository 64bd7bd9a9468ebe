"use client";
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { dateConvention, readTypedDate, writeTypedDate } from "@/lib/typed-dates";
import { dbDate } from "@/lib/dates";
import { FieldShell, controlClass } from "./field";
import { useControlValue } from "@/components/forms/before-hydration";

/**
 * A date as the reader writes it (lib/typed-dates): day/month/year, the
 * Buddhist era for Thai users, year first in Korean; never the browser's
 * month/day/year. The form sends "YYYY-MM-DD" (a hidden field under `name`);
 * beside the field it says what the typed text was read as, so a slip shows
 * before saving. Text that is not a date is sent as typed: the server says
 * why beside the field.
 */
export function DateField({
  label,
  name,
  defaultValue = "",
  hint,
  error,
  className,
  required,
}: {
  label: React.ReactNode;
  name: string;
  required?: boolean;
  /** "YYYY-MM-DD", or empty. */
  defaultValue?: string;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
}) {
  const id = useId();
  const locale = useLocale();
  const t = useTranslations("dateField");
  const format = useKeptFormatter();
  const convention = dateConvention(locale);
  const initial = defaultValue ? writeTypedDate(defaultValue, convention) : "";
  // Keeps a date typed before the page's scripts ran; a form emptied after saving empties this field too.
  const [typed, setTyped, visible] = useControlValue<HTMLInputElement>(initial);
  const read = readTypedDate(typed, convention);
  const value = read === null ? "" : "iso" in read ? read.iso : typed;
  const readAs =
    read && "iso" in read
      ? t(read.buddhistEra ? "readAsBuddhist" : "readAs", { date: format.dateTime(dbDate(read.iso), "day"), year: Number(read.iso.slice(0, 4)), buddhistYear: Number(read.iso.slice(0, 4)) + 543 })
      : null;
  // The reader's convention is always stated; a field's own hint follows it.
  const pattern = t(convention.buddhistEra ? "patternBuddhist" : convention.order === "ymd" ? "patternYmd" : "pattern");
  const shownHint = hint ? (
    <>
      {pattern} · {hint}
    </>
  ) : (
    pattern
  );
  const describedBy = [error ? `${id}-error` : `${id}-hint`, `${id}-read`].join(" ");
  return (
    <FieldShell id={id} label={label} hint={shownHint} error={error} className={className} required={required}>
      <input
        ref={visible}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={controlClass}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={t(convention.buddhistEra ? "placeholderBuddhist" : convention.order === "ymd" ? "placeholderYmd" : "placeholder")}
        aria-invalid={error || (read && "invalid" in read) ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
      />
      <input type="hidden" name={name} value={value} />
      <p id={`${id}-read`} className="mt-1 min-h-4 text-xs text-slate-700" aria-live="polite">
        {readAs ?? (read && "invalid" in read ? t("notADate") : "")}
      </p>
    </FieldShell>
  );
}
