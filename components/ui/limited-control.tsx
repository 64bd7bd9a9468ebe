"use client";
import { type FormEvent, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { useControlValue } from "@/components/forms/before-hydration";

/**
 * A text input or text area with a length limit that the reader can see:
 * the limit is stated beside the field, the count shows as it nears the
 * limit, and text over it stays in the field (a paste is never cut) with a
 * message saying by how much; the form is not sent until it fits
 * (components/forms/use-form-action). The element carries
 * data-over-limit while it is too long.
 */
export function LimitedControl({
  as,
  limit,
  noteId,
  invalid,
  className,
  ...props
}: { as: "input" | "textarea"; limit: number; noteId: string; invalid: boolean; className: string } & (InputHTMLAttributes<HTMLInputElement> | TextareaHTMLAttributes<HTMLTextAreaElement>)) {
  const t = useTranslations("forms");
  const format = useKeptFormatter();
  // The text itself, so a paste made before the page's scripts ran is counted too.
  const [text, setText, control] = useControlValue<HTMLInputElement & HTMLTextAreaElement>(String(props.defaultValue ?? props.value ?? ""));
  const length = text.length;
  const over = length > limit;
  const shared = {
    ...props,
    className,
    "aria-invalid": invalid || over ? true : undefined,
    "data-over-limit": over ? "true" : undefined,
    "aria-describedby": [props["aria-describedby"], noteId].filter(Boolean).join(" "),
    ref: control,
    onInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setText(event.currentTarget.value),
  };
  const number = (n: number) => format.number(n);
  return (
    <>
      {as === "textarea" ? <textarea {...(shared as TextareaHTMLAttributes<HTMLTextAreaElement>)} /> : <input {...(shared as InputHTMLAttributes<HTMLInputElement>)} />}
      <p id={noteId} className={`mt-1 text-xs ${over ? "font-semibold text-red-700" : "text-slate-600"}`} aria-live="polite">
        {over
          ? t("overLimit", { count: number(length), over: number(length - limit), max: number(limit) })
          : length >= limit * 0.8
            ? t("nearLimit", { count: number(length), max: number(limit) })
            : t("limit", { max: number(limit) })}
      </p>
    </>
  );
}
