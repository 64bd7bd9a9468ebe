"use client";
import { useTranslations } from "next-intl";
import { consequenceOf } from "@/lib/workflows/consequences";
import { GRAPHS, rulesForStage } from "@/lib/workflows";
import type { ProceedingType } from "@/lib/workflows/types";
import { moveProceedingAction } from "@/lib/proceedings/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { useControlValue } from "@/components/forms/before-hydration";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/** Offers only the moves the stage graph allows; the server checks again. */
export function MoveProceedingForm({ code, proceedingId, type, version, stage, nextStages }: { code: string; proceedingId: string; type: ProceedingType; version: number; stage: string; nextStages: string[] }) {
  const t = useTranslations("proceedings");
  // What the chosen move will also change (lib/workflows/consequences), said before it is recorded.
  // A stage chosen before the scripts ran shows its consequences too.
  const [chosen, setChosen, chosenControl] = useControlValue("");
  const consequence = chosen ? consequenceOf(type, chosen) : null;
  // The deadlines the move starts (counted from the date it happened) and those it settles.
  const starts = chosen ? rulesForStage(type, chosen) : [];
  const settles = chosen ? GRAPHS[type].deadlineRules.filter((rule) => rule.metBy.includes(chosen)) : [];
  const tStage = useTranslations("stages");
  const tRule = useTranslations("tasks.rules");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, conflict } = useFormAction(moveProceedingAction.bind(null, code, proceedingId));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("moveForm")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {saved ? <Alert tone="success">{t("moved")}</Alert> : null}
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="fromStage" value={stage} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("move")}
          name="toStage"
          ref={chosenControl}
          options={[{ value: "", label: t("chooseStage") }, ...nextStages.map((s) => ({ value: s, label: tStage(s) }))]}
          error={errorFor("toStage")}
          onChange={(event) => setChosen(event.currentTarget.value)}
        />
        <DateField label={t("occurredOn")} name="occurredOn" hint={t("occurredOnHint")} error={errorFor("occurredOn")} />
      </div>
      <div aria-live="polite" className="space-y-1 text-sm" data-testid="move-consequence">
        {starts.map((rule) => (
          <p key={rule.key} className="text-slate-800">
            {t(rule.from === "certificateExpiry" ? "startsDeadlineFromExpiry" : "startsDeadline", { deadline: tRule(rule.title) })}
          </p>
        ))}
        {settles.map((rule) => (
          <p key={rule.key} className="text-slate-800">
            {t("settlesDeadline", { deadline: tRule(rule.title) })}
          </p>
        ))}
        {consequence ? <p className="font-semibold text-amber-900">{t("consequenceLeftThailand", { stage: tStage(chosen) })}</p> : null}
      </div>
      <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.reason} rows={2} error={errorFor("reason")} />
      <Button type="submit" disabled={pending}>
        {t("moveSubmit")}
      </Button>
    </form>
  );
}
