"use client";
import { useTranslations } from "next-intl";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { NATIONALITY_CODES } from "@/lib/reference/countries";
import { RELATIONSHIPS, SEXES, VULNERABILITIES } from "@/lib/cases/schema";
import { useCountryOptions, useEnumOptions } from "./options";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export type PersonDefaults = {
  relationship?: string;
  latinName?: string;
  nativeName?: string | null;
  aliases?: string[];
  dateOfBirth?: string;
  sex?: string;
  nationality?: string;
  ethnicity?: string | null;
  languages?: string[];
  unhcrNumber?: string | null;
  documentNumber?: string | null;
  vulnerabilities?: string[];
};

/**
 * The fields of one person. `prefix` makes the names unique inside the
 * intake form ("members.0."); the person edit form uses no prefix.
 */
export function PersonFields({
  prefix = "",
  defaults = {},
  errorFor,
  principal,
}: {
  prefix?: string;
  defaults?: PersonDefaults;
  errorFor: (name: string) => string | undefined;
  /** true: the principal applicant (relationship fixed); false: anyone else. */
  principal: boolean;
}) {
  const t = useTranslations("intake");
  const relationshipOptions = useEnumOptions("relationship", principal ? ["PRINCIPAL"] : RELATIONSHIPS.filter((r) => r !== "PRINCIPAL"));
  const sexOptions = useEnumOptions("sex", SEXES);
  const vulnerabilityOptions = useEnumOptions("vulnerability", VULNERABILITIES);
  const nationalityOptions = useCountryOptions(NATIONALITY_CODES);
  const name = (field: string) => `${prefix}${field}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <SelectField label={t("relationship")} name={name("relationship")} required options={relationshipOptions} defaultValue={defaults.relationship ?? (principal ? "PRINCIPAL" : "SPOUSE")} error={errorFor(name("relationship"))} />
      <TextField label={t("latinName")} name={name("latinName")} required limit={TEXT_LIMITS.name} defaultValue={defaults.latinName} autoComplete="off" error={errorFor(name("latinName"))} />
      <TextField label={t("nativeName")} name={name("nativeName")} limit={TEXT_LIMITS.name} defaultValue={defaults.nativeName ?? ""} hint={t("nativeNameHint")} autoComplete="off" error={errorFor(name("nativeName"))} />
      <TextField label={t("aliases")} name={name("aliases")} defaultValue={defaults.aliases?.join(", ")} hint={t("aliasesHint")} autoComplete="off" error={errorFor(name("aliases"))} />
      <TextField label={t("dateOfBirth")} name={name("dateOfBirth")} defaultValue={defaults.dateOfBirth} hint={t("dateOfBirthHint")} inputMode="numeric" autoComplete="off" error={errorFor(name("dateOfBirth"))} />
      <SelectField label={t("sex")} name={name("sex")} required options={sexOptions} defaultValue={defaults.sex ?? "UNKNOWN"} error={errorFor(name("sex"))} />
      <SelectField label={t("nationality")} name={name("nationality")} required options={nationalityOptions} defaultValue={defaults.nationality ?? "KP"} error={errorFor(name("nationality"))} />
      <TextField label={t("ethnicity")} name={name("ethnicity")} defaultValue={defaults.ethnicity ?? ""} autoComplete="off" error={errorFor(name("ethnicity"))} />
      <TextField label={t("languages")} name={name("languages")} defaultValue={defaults.languages?.join(", ")} hint={t("languagesHint")} autoComplete="off" error={errorFor(name("languages"))} />
      <TextField label={t("unhcrNumber")} name={name("unhcrNumber")} defaultValue={defaults.unhcrNumber ?? ""} autoComplete="off" error={errorFor(name("unhcrNumber"))} />
      <TextField label={t("documentNumber")} name={name("documentNumber")} defaultValue={defaults.documentNumber ?? ""} hint={t("documentNumberHint")} autoComplete="off" error={errorFor(name("documentNumber"))} />
      <div className="sm:col-span-2">
        <CheckboxGroup legend={t("vulnerabilities")} name={name("vulnerabilities")} options={vulnerabilityOptions} defaultValues={defaults.vulnerabilities} error={errorFor(name("vulnerabilities"))} />
      </div>
    </div>
  );
}
