"use client";
import { useTranslations } from "next-intl";
import { createReferralAction } from "@/lib/referrals/actions";
import { REFERRAL_SERVICES } from "@/lib/referrals/schema";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

type Partner = { id: string; name: string; services: string[]; teamId: string | null };

/**
 * Refer the case to a partner. Consent is recorded whole (who, when, for
 * what); supervisors alone see the override for a referral without it.
 */
export function ReferralForm({ code, partners, canOverride }: { code: string; partners: Partner[]; canOverride: boolean }) {
  const t = useTranslations("referrals");
  const tService = useTranslations("referrals.service");
  const tSummary = useTranslations("summary");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(createReferralAction.bind(null, code));
  if (partners.length === 0) return <p className="text-slate-700">{t("noPartners")}</p>;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("sent")}</Alert> : null}
      <SelectField
        label={t("partner")}
        name="partnerId"
        options={[
          { value: "", label: t("choose") },
          ...partners.map((p) => ({ value: p.id, label: `${p.name} (${p.services.map((s) => tService(s)).join(", ")})${p.teamId ? ` · ${t("inDeployment")}` : ""}` })),
        ]}
        error={errorFor("partnerId")}
      />
      <SelectField label={t("serviceLabel")} name="service" options={[{ value: "", label: t("choose") }, ...REFERRAL_SERVICES.map((s) => ({ value: s, label: tService(s) }))]} error={errorFor("service")} />
      <TextAreaField label={t("reason")} name="reason" rows={2} hint={t("reasonHint")} error={errorFor("reason")} />
      <CheckboxGroup
        legend={t("sections")}
        name="sections"
        options={SUMMARY_SECTION_NAMES.map((s) => ({ value: s, label: tSummary(`section_${s}`) }))}
        defaultValues={["household"]}
        error={errorFor("sections")}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="identifying" className="mt-0.5 h-4 w-4" />
        <span>{t("identifying")}</span>
      </label>
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">{t("consent")}</legend>
        <p className="text-sm text-slate-700">{t("consentIntro")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t("consentBy")} name="consentBy" hint={t("consentByHint")} autoComplete="off" error={errorFor("consentBy")} />
          <TextField label={t("consentOn")} name="consentOn" type="date" error={errorFor("consentOn")} />
        </div>
        <TextField label={t("consentPurpose")} name="consentPurpose" autoComplete="off" error={errorFor("consentPurpose")} />
      </fieldset>
      {canOverride ? (
        <details className="rounded border border-amber-400 bg-amber-50 p-3">
          <summary className="cursor-pointer text-sm font-semibold text-amber-950">{t("override")}</summary>
          <div className="mt-2">
            <TextAreaField label={t("overrideReason")} name="overrideReason" rows={2} hint={t("overrideHint")} error={errorFor("overrideReason")} />
          </div>
        </details>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
