"use client";
import type { Ref } from "react";
import { TextAreaField } from "@/components/ui/field";

/** The opt-in to identifying details, and the purpose it then needs (for exports and case summaries). */
export function IdentifyingChoice(props: {
  identifying: boolean;
  onChange: (identifying: boolean) => void;
  /** From useControlChecked, so a tick made before the page's scripts ran is kept. */
  checkbox: Ref<HTMLInputElement>;
  label: string;
  purposeLabel: string;
  purposeHint: string;
  error: string | null;
}) {
  return (
    <>
      <label className="flex items-start gap-2 text-sm">
        <input ref={props.checkbox} type="checkbox" name="identifying" className="mt-1 h-4 w-4" checked={props.identifying} onChange={(e) => props.onChange(e.target.checked)} />
        {props.label}
      </label>
      {props.identifying ? <TextAreaField label={props.purposeLabel} name="purpose" rows={2} hint={props.purposeHint} error={props.error ?? undefined} /> : null}
    </>
  );
}
