"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { createReferralAction } from "@/lib/referrals/actions";
import { REFERRAL_SERVICES } from "@/lib/referrals/schema";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { TEXT_LIMITS } from "@/lib/validation/limits";

type Partner = { id: string; name: string; services: string[]; teamId: string | null };
/** A consent to a referral that stands today: the person, the partner it covers, when it was given. */
export type ConsentChoice = { id: string; person: string; partner: string; givenOn: Date };

/**
 * Refer the case to a partner, resting on a consent to a referral to that
 * partner recorded on the Consent tab; supervisors alone see the override
 * for a referral without it.
 */
export function ReferralForm({ code, partners, consents, canOverride }: { code: string; partners: Partner[]; consents: ConsentChoice[]; canOverride: boolean }) {
  const t = useTranslations("referrals");
  const format = useKeptFormatter();
  const tService = useTranslations("referrals.service");
  const tSummary = useTranslations("summary");
  const { onSubmit, pending, sending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(createReferralAction.bind(null, code));
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
      <SelectField label={t("serviceLabel")} name="service" required options={[{ value: "", label: t("choose") }, ...REFERRAL_SERVICES.map((s) => ({ value: s, label: tService(s) }))]} error={errorFor("service")} />
      <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.shortReason} rows={2} hint={t("reasonHint")} error={errorFor("reason")} />
      <CheckboxGroup
        legend={t("sections")}
        name="sections" required
        options={SUMMARY_SECTION_NAMES.map((s) => ({ value: s, label: tSummary(`section_${s}`) }))}
        defaultValues={["household"]}
        error={errorFor("sections")}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="identifying" className="mt-0.5 h-4 w-4" />
        <span>{t("identifying")}</span>
      </label>
      {consents.length ? (
        <SelectField
          label={t("consentChoice")}
          name="consentId"
          hint={t("consentChoiceHint")}
          options={[
            { value: "", label: t("choose") },
            ...consents.map((c) => ({ value: c.id, label: t("consentOption", { person: c.person, partner: c.partner, date: format.dateTime(c.givenOn, "day") }) })),
          ]}
          error={errorFor("consentId")}
        />
      ) : (
        <p className="rounded border border-slate-300 p-3 text-sm" id="no-consent">
          {t("noStandingConsent")}{" "}
          <Link href={`/cases/${code}/consent`} className="text-blue-800 underline">
            {t("consentTab")}
          </Link>
          {errorFor("consentId") ? (
            <span role="alert" className="mt-1 block text-red-700">
              {errorFor("consentId")}
            </span>
          ) : null}
        </p>
      )}
      {canOverride ? (
        <details className="rounded border border-amber-400 bg-amber-50 p-3">
          <summary className="cursor-pointer text-sm font-semibold text-amber-950">{t("override")}</summary>
          <div className="mt-2">
            <TextAreaField label={t("overrideReason")} name="overrideReason" limit={TEXT_LIMITS.shortReason} rows={2} hint={t("overrideHint")} error={errorFor("overrideReason")} />
          </div>
        </details>
      ) : null}
      <Button type="submit" disabled={pending}>
        {sending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
