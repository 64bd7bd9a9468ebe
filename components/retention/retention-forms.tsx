"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { runRetentionNowAction, setRetentionRuleAction } from "@/lib/retention/actions";
import { KIND_RULES, MAX_MONTHS, MIN_MONTHS, type RetentionRuleValues } from "@/lib/retention/kinds";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { SavedMessage } from "@/components/forms/saved-message";

/** One kind's rule: its period, its action and whether the daily run applies it. */
export function RetentionRuleForm({ rule }: { rule: RetentionRuleValues }) {
  const t = useTranslations("retention");
  const { onSubmit, pending, errorFor, formError, saved } = useFormAction(setRetentionRuleAction);
  const kindName = t(`kind.${rule.kind}`);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={kindName}>
      <input type="hidden" name="kind" value={rule.kind} />
      <input type="hidden" name="version" value={rule.version} />
      <TextField
        label={t("months")}
        name="months"
        type="number"
        min={MIN_MONTHS}
        max={MAX_MONTHS}
        defaultValue={rule.months}
        className="w-28"
        hint={t("monthsHint", { min: MIN_MONTHS, max: MAX_MONTHS })}
        error={errorFor("months")}
      />
      <SelectField
        label={t("action")}
        name="action"
        defaultValue={rule.action}
        options={KIND_RULES[rule.kind].actions.map((a) => ({ value: a, label: t(`actionName.${a}`) }))}
        error={errorFor("action")}
      />
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={rule.active} className="h-4 w-4" />
        {t("active")}
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      {formError ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <SavedMessage show={saved}>{t("saved")}</SavedMessage>
    </form>
  );
}

/** Starts a run now. While one is working the page refreshes itself to show its progress. */
export function RunNowForm({ running }: { running: boolean }) {
  const t = useTranslations("retention");
  const router = useRouter();
  const { onSubmit, pending, formError, saved } = useFormAction(runRetentionNowAction);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => router.refresh(), 2000);
    return () => window.clearInterval(timer);
  }, [running, router]);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("runNow")}>
      <input type="hidden" name="confirm" value="run" />
      <Button type="submit" disabled={pending || running}>
        {t("runNow")}
      </Button>
      {running ? (
        <p role="status" className="text-sm text-slate-700">
          {t("running")}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <SavedMessage show={saved && !running}>{t("started")}</SavedMessage>
    </form>
  );
}
