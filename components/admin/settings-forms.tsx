"use client";
import { useTranslations } from "next-intl";
import { addCourtAction, addPartnerAction, addFacilityAction, addProgrammeAction, setDeadlinePeriodAction, setExchangeRateAction, setReferenceNamesAction } from "@/lib/settings/actions";
import { OTHER_NAME_LOCALES } from "@/lib/reference/names";
import { LANGUAGE_NAMES } from "@/i18n/locales";
import { Disclosure } from "@/components/ui/disclosure";
import { FACILITY_KINDS } from "@/lib/settings/schema";
import { PERIOD_UNITS, type PeriodUnit } from "@/lib/workflows/types";
import { CURRENCIES } from "@/lib/reference/countries";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { REFERRAL_SERVICES } from "@/lib/referrals/schema";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { SavedMessage } from "@/components/forms/saved-message";

function Saved({ show }: { show: boolean }) {
  const t = useTranslations("settings");
  return <SavedMessage show={show}>{t("saved")}</SavedMessage>;
}

export function DeadlinePeriodForm({ ruleKey, label, amount, unit }: { ruleKey: string; label: string; amount: number; unit: PeriodUnit }) {
  const t = useTranslations("settings");
  const { onSubmit, pending, errorFor, formError, saved } = useFormAction(setDeadlinePeriodAction);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={label}>
      <input type="hidden" name="ruleKey" value={ruleKey} />
      <TextField label={t("amount")} name="amount" type="number" defaultValue={amount} className="w-28" error={errorFor("amount")} />
      <SelectField label={t("unit")} name="unit" defaultValue={unit} options={PERIOD_UNITS.map((u) => ({ value: u, label: t(u) }))} error={errorFor("unit")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      {formError ? <p role="alert" className="text-sm text-red-700">{formError}</p> : null}
      <Saved show={saved} />
    </form>
  );
}

export function AddFacilityForm() {
  const t = useTranslations("settings");
  const tKind = useTranslations("enums.facilityKind");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addFacilityAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addFacility")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("facilityName")} name="name" autoComplete="off" error={errorFor("name")} />
      <SelectField label={t("facilityKind")} name="kind" options={FACILITY_KINDS.map((k) => ({ value: k, label: tKind(k) }))} error={errorFor("kind")} />
      <Button type="submit" disabled={pending}>
        {t("addFacility")}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function ExchangeRateForm() {
  const t = useTranslations("settings");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(setExchangeRateAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("setRate")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <SelectField label={t("currency")} name="currency" options={CURRENCIES.filter((c) => c !== "USD").map((c) => ({ value: c, label: c }))} error={errorFor("currency")} />
      <TextField label={t("perUsd")} name="perUsd" inputMode="decimal" autoComplete="off" hint={t("perUsdHint")} error={errorFor("perUsd")} />
      <Button type="submit" disabled={pending}>
        {t("setRate")}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function AddProgrammeForm() {
  const t = useTranslations("settings");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addProgrammeAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addProgramme")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("programmeName")} name="name" autoComplete="off" error={errorFor("name")} />
      <TextField label={t("programmeCountry")} name="country" autoComplete="off" hint={t("programmeCountryHint")} maxLength={2} error={errorFor("country")} />
      <Button type="submit" disabled={pending}>
        {t("addProgramme")}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function AddCourtForm() {
  const t = useTranslations("settings");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addCourtAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addCourt")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("courtName")} name="name" autoComplete="off" error={errorFor("name")} />
      <Button type="submit" disabled={pending}>
        {t("addCourt")}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function AddPartnerForm({ teams }: { teams: { id: string; name: string }[] }) {
  const t = useTranslations("settings");
  const tService = useTranslations("referrals.service");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addPartnerAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("addPartner")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField label={t("partnerName")} name="name" autoComplete="off" error={errorFor("name")} />
      <CheckboxGroup legend={t("partnerServices")} name="services" options={REFERRAL_SERVICES.map((s) => ({ value: s, label: tService(s) }))} error={errorFor("services")} />
      <SelectField
        label={t("partnerTeam")}
        name="teamId"
        hint={t("partnerTeamHint")}
        options={[{ value: "", label: t("partnerOutside") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
        error={errorFor("teamId")}
      />
      <Button type="submit" disabled={pending}>
        {t("addPartner")}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

/** The names of one facility, court, programme or partner in the other interface languages, behind a disclosure on its line. */
export function ReferenceNamesForm({ kind, id, name, names }: { kind: "facility" | "court" | "programme" | "partner"; id: string; name: string; names: Record<string, string> }) {
  const t = useTranslations("settings");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, saved } = useFormAction(setReferenceNamesAction);
  return (
    <Disclosure summary={t("otherNames")} size="small" className="mt-1">
      <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={t("otherNamesFor", { name })}>
        <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="previous" value={JSON.stringify(names)} />
        {OTHER_NAME_LOCALES.map((locale) => (
          <TextField
            key={locale}
            label={t("nameIn", { language: LANGUAGE_NAMES[locale] })}
            name={`name_${locale}`}
            lang={locale}
            defaultValue={names[locale] ?? ""}
            autoComplete="off"
            maxLength={200}
            error={errorFor(`name_${locale}`)}
          />
        ))}
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("saveNames")}
        </Button>
        <Saved show={saved} />
      </form>
    </Disclosure>
  );
}
