"use client";
import { useTranslations } from "next-intl";
import { recordConsentAction, withdrawConsentAction } from "@/lib/consent/actions";
import { CONSENT_METHODS, CONSENT_PURPOSES } from "@/lib/consent/schema";
import { todayInBangkok } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { useControlValue } from "@/components/forms/before-hydration";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

type Choice = { id: string; name: string };

/** Records one person's consent to one purpose, and how it was given. */
export function RecordConsentForm({ code, people, partners }: { code: string; people: Choice[]; partners: Choice[] }) {
  const t = useTranslations("consent");
  // Each choice brings its own fields, so it is state; chosen before the scripts ran, it is kept.
  const [purpose, setPurpose, purposeControl] = useControlValue("");
  const [method, setMethod, methodControl] = useControlValue("WRITTEN");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, conflict } = useFormAction(recordConsentAction.bind(null, code));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("record")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {saved ? <Alert tone="success">{t("recorded")}</Alert> : null}
      <SelectField label={t("person")} name="personId" required options={[{ value: "", label: t("choose") }, ...people.map((p) => ({ value: p.id, label: p.name }))]} error={errorFor("personId")} />
      <SelectField
        label={t("purposeLabel")}
        name="purpose"
        ref={purposeControl}
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
        options={[{ value: "", label: t("choose") }, ...CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))]}
        error={errorFor("purpose")}
      />
      {purpose === "REFERRAL" ? (
        <SelectField label={t("partner")} name="partnerId" options={[{ value: "", label: t("choose") }, ...partners.map((p) => ({ value: p.id, label: p.name }))]} error={errorFor("partnerId")} />
      ) : null}
      <SelectField
        label={t("methodLabel")}
        name="method"
        ref={methodControl}
        value={method}
        onChange={(e) => setMethod(e.target.value)}
        options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        error={errorFor("method")}
      />
      {method === "VERBAL_INTERPRETED" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t("interpreter")} name="interpreter" limit={TEXT_LIMITS.name} autoComplete="off" error={errorFor("interpreter")} />
          <TextField label={t("interpreterLanguage")} name="interpreterLanguage" autoComplete="off" error={errorFor("interpreterLanguage")} />
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label={t("givenOn")} name="givenOn" required error={errorFor("givenOn")} />
        <DateField label={t("validUntil")} name="validUntil" hint={t("validUntilHint")} error={errorFor("validUntil")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("recordSubmit")}
      </Button>
    </form>
  );
}

/** Withdraws a standing consent: says what it will do before it does it. */
export function WithdrawConsentForm({ code, consentId, version, referrals }: { code: string; consentId: string; version: number; referrals: number }) {
  const t = useTranslations("consent");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, conflict } = useFormAction(withdrawConsentAction.bind(null, code, consentId));
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-3" aria-label={t("withdraw")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm">{t("withdrawEffect", { referrals })}</p>
      <DateField label={t("withdrawnOn")} name="withdrawnOn" required defaultValue={todayInBangkok()} error={errorFor("withdrawnOn")} />
      <TextAreaField label={t("withdrawalNote")} name="note" limit={TEXT_LIMITS.shortReason} rows={2} hint={t("withdrawalNoteHint")} error={errorFor("note")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("withdrawSubmit")}
      </Button>
    </form>
  );
}
