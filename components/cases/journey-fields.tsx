"use client";
import { useTranslations } from "next-intl";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { COUNTRY_CODES, CURRENCIES, TRANSIT_COUNTRY_CODES } from "@/lib/reference/countries";
import { useCountryOptions } from "./options";
import { DateField } from "@/components/ui/date-field";

export type JourneyDefaults = {
  originCountry?: string | null;
  transitCountries?: string[];
  entryPoint?: string | null;
  entryDate?: string;
  entryMethod?: string | null;
  brokerFee?: string;
  brokerFeeCurrency?: string | null;
};

export function JourneyFields({ defaults = {}, errorFor }: { defaults?: JourneyDefaults; errorFor: (name: string) => string | undefined }) {
  const t = useTranslations("intake");
  const countries = useCountryOptions(COUNTRY_CODES);
  const transit = useCountryOptions(TRANSIT_COUNTRY_CODES);
  const none = { value: "", label: t("none") };
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <SelectField label={t("originCountry")} name="journey.originCountry" options={[none, ...countries]} defaultValue={defaults.originCountry ?? ""} error={errorFor("journey.originCountry")} />
      <TextField label={t("entryPoint")} name="journey.entryPoint" defaultValue={defaults.entryPoint ?? ""} autoComplete="off" error={errorFor("journey.entryPoint")} />
      <DateField label={t("entryDate")} name="journey.entryDate" defaultValue={defaults.entryDate} error={errorFor("journey.entryDate")} />
      <TextField label={t("entryMethod")} name="journey.entryMethod" defaultValue={defaults.entryMethod ?? ""} autoComplete="off" error={errorFor("journey.entryMethod")} />
      <TextField label={t("brokerFee")} name="journey.brokerFee" defaultValue={defaults.brokerFee} inputMode="decimal" autoComplete="off" error={errorFor("journey.brokerFee")} />
      <SelectField label={t("brokerFeeCurrency")} name="journey.brokerFeeCurrency" options={[none, ...CURRENCIES.map((c) => ({ value: c, label: c }))]} defaultValue={defaults.brokerFeeCurrency ?? ""} error={errorFor("journey.brokerFeeCurrency")} />
      <div className="sm:col-span-2 lg:col-span-3">
        <CheckboxGroup legend={t("transitCountries")} name="journey.transitCountries" options={transit} defaultValues={defaults.transitCountries} error={errorFor("journey.transitCountries")} />
      </div>
    </div>
  );
}
