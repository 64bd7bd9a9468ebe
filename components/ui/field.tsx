import { useId, type InputHTMLAttributes, type Ref, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { LimitedControl } from "./limited-control";

// Form controls with their label, hint and error message wired together for
// screen readers (label for=, aria-describedby, aria-invalid). A required
// field says so beside its label; a field with a `limit` states it and
// checks it as the reader types (LimitedControl).

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
  required?: boolean;
};

/**
 * "(required)" beside a label, in the reader's language: a field's
 * obligation is read, not guessed from a star. Beside a label it is hidden
 * from screen readers, which hear "required" from the control itself (its
 * required attribute); in a group's legend, which has no such attribute, it
 * is read out.
 */
export function RequiredMark({ announce = false }: { announce?: boolean }) {
  const t = useTranslations("forms");
  return (
    <span className="ml-1 text-xs font-normal text-slate-700" aria-hidden={announce ? undefined : true}>
      ({t("required")})
    </span>
  );
}

export const controlClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-700 disabled:bg-slate-100";

export function FieldShell({ id, label, hint, error, children, className, required }: FieldShellProps) {
  return (
    <div className={className}>
      {/* The mark sits beside the label, not in it: the field's name stays its label, and "required" comes from the control. */}
      <div className="mb-1 flex flex-wrap items-baseline">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {required ? <RequiredMark /> : null}
      </div>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown) {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

type CommonProps = { label: ReactNode; hint?: ReactNode; error?: string; className?: string };
/** `limit`: the most characters the field takes (lib/validation/limits), stated and checked as the reader types. */
type LimitProps = { limit?: number };

export function TextField({ label, hint, error, className, id: givenId, limit, ...input }: CommonProps & LimitProps & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} required={input.required}>
      {limit ? (
        <LimitedControl as="input" id={id} limit={limit} noteId={`${id}-limit`} invalid={Boolean(error)} className={controlClass} aria-describedby={describedBy(id, hint, error)} {...input} />
      ) : (
        <input id={id} className={controlClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      )}
    </FieldShell>
  );
}

export function TextAreaField({ label, hint, error, className, id: givenId, limit, ...input }: CommonProps & LimitProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} required={input.required}>
      {limit ? (
        <LimitedControl as="textarea" id={id} limit={limit} noteId={`${id}-limit`} invalid={Boolean(error)} className={controlClass} aria-describedby={describedBy(id, hint, error)} {...input} />
      ) : (
        <textarea id={id} className={controlClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      )}
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  label,
  hint,
  error,
  className,
  options,
  id: givenId,
  ...select
}: CommonProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; ref?: Ref<HTMLSelectElement> }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} required={select.required}>
      <select id={id} className={controlClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValues = [],
  error,
  required,
}: {
  legend: ReactNode;
  name: string;
  options: Option[];
  defaultValues?: string[];
  error?: string;
  /** At least one must be ticked. */
  required?: boolean;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">
        {legend}
        {required ? <RequiredMark announce /> : null}
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} className="h-4 w-4" />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
