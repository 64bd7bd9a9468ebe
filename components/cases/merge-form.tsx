"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { mergeCasesAction } from "@/lib/cases/merge-actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { cardClass } from "@/components/ui/section";

/** `preferred`: the side chosen unless changed (the survivor's, except where safety says otherwise). */
export type MergeRow = { name: string; label: string; survivor: string; merged: string; preferred?: "survivor" | "merged" };

/**
 * Field by field, whose value survives (only where the two differ; the
 * survivor's is chosen unless changed); for each other member of the merged
 * household, whether they are someone already in this one. Typing the
 * merged case's code confirms.
 */
export function MergeForm(props: {
  survivorCode: string;
  mergedCode: string;
  survivorVersion: number;
  mergedVersion: number;
  rows: MergeRow[];
  mergedMembers: { id: string; label: string }[];
  survivorMembers: { id: string; label: string }[];
  survivorCounts: string;
  mergedCounts: string;
}) {
  const t = useTranslations("merge");
  const id = useId();
  const { onSubmit, pending, sending, errorFor, formError, hasFieldErrors } = useFormAction(mergeCasesAction.bind(null, props.survivorCode, props.mergedCode));
  const differing = props.rows.filter((row) => row.survivor !== row.merged);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={t("formLabel")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <input type="hidden" name="survivorVersion" value={props.survivorVersion} />
      <input type="hidden" name="mergedVersion" value={props.mergedVersion} />
      <section aria-labelledby={`${id}-values`} className={`${cardClass} space-y-3`}>
        <h2 id={`${id}-values`} className="text-lg font-semibold">
          {t("valuesHeading")}
        </h2>
        <p className="text-sm text-slate-700">{t("valuesIntro", { survivor: props.survivorCode, merged: props.mergedCode })}</p>
        <p className="text-sm">
          <strong>{props.survivorCode}</strong>: {props.survivorCounts} · <strong>{props.mergedCode}</strong>: {props.mergedCounts}
        </p>
        {differing.length === 0 ? <p>{t("noDifferences")}</p> : null}
        <div className="space-y-3">
          {differing.map((row) => (
            <fieldset key={row.name} className="rounded border border-slate-300 p-3">
              <legend className="px-1 text-sm font-semibold">{row.label}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {(["survivor", "merged"] as const).map((side) => (
                  <label key={side} className="flex items-start gap-2 text-sm">
                    <input type="radio" name={`choice.${row.name}`} value={side} defaultChecked={side === (row.preferred ?? "survivor")} className="mt-0.5 h-4 w-4" />
                    <span>
                      <span className="font-mono text-xs text-slate-700">{side === "survivor" ? props.survivorCode : props.mergedCode}</span>
                      <br />
                      {row[side]}
                    </span>
                  </label>
                ))}
              </div>
              {row.name === "sensitivity" ? (
                <TextField label={t("sensitivityReason")} name="sensitivityReason" hint={t("sensitivityReasonHint")} error={errorFor("sensitivityReason")} className="mt-2" autoComplete="off" />
              ) : null}
            </fieldset>
          ))}
        </div>
        <p className="text-sm text-slate-700">{t("keptNote")}</p>
      </section>
      {props.mergedMembers.length ? (
        <section aria-labelledby={`${id}-people`} className={`${cardClass} space-y-3`}>
          <h2 id={`${id}-people`} className="text-lg font-semibold">
            {t("peopleHeading")}
          </h2>
          {props.mergedMembers.map((member) => (
            <SelectField
              key={member.id}
              label={member.label}
              name={`same.${member.id}`}
              options={[{ value: "", label: t("joinHousehold") }, ...props.survivorMembers.map((s) => ({ value: s.id, label: t("samePerson", { name: s.label }) }))]}
            />
          ))}
        </section>
      ) : null}
      <section className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
        <p className="text-sm">{t("confirmIntro", { merged: props.mergedCode, survivor: props.survivorCode })}</p>
        <TextField label={t("confirm", { code: props.mergedCode })} name="confirm" autoComplete="off" error={errorFor("confirm")} />
        <Button type="submit" disabled={pending}>
          {sending ? t("merging") : t("submit", { merged: props.mergedCode, survivor: props.survivorCode })}
        </Button>
      </section>
    </form>
  );
}
