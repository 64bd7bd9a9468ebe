"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createCaseAction, type IntakeState } from "@/lib/cases/actions";
import { MAX_HOUSEHOLD, SENSITIVITIES } from "@/lib/cases/schema";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { PersonFields } from "./person-fields";
import { JourneyFields } from "./journey-fields";
import { useEnumOptions } from "./options";
import { DuplicateMatches } from "./duplicate-matches";
import { cardClass, Section } from "@/components/ui/section";

type Staff = { id: string; name: string };

export function IntakeForm({ teams, staff, currentUserId }: { teams: { id: string; name: string }[]; staff: Staff[]; currentUserId: string }) {
  const t = useTranslations("intake");
  const { state, onSubmit, pending, sending, errorFor, formError, hasFieldErrors } = useFormAction<IntakeState>(createCaseAction);
  // Stable keys keep each person's typed values when another is removed.
  const nextKey = useRef(1);
  const [memberKeys, setMemberKeys] = useState<number[]>([0]);
  const sensitivityOptions = useEnumOptions("sensitivity", SENSITIVITIES);
  const addMember = () => setMemberKeys((keys) => [...keys, nextKey.current++]);
  const removeMember = (key: number) => setMemberKeys((keys) => keys.filter((k) => k !== key));
  const assignable = staff.some((s) => s.id === currentUserId) ? currentUserId : "";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />

      <section aria-labelledby="household-heading" className="space-y-4">
        <h2 id="household-heading" className="text-lg font-semibold">
          {t("household")}
        </h2>
        {memberKeys.map((key, index) => (
          <fieldset key={key} className={cardClass}>
            <legend className="px-1 font-semibold">
              {t("member", { number: index + 1 })}
              {index === 0 ? ` · ${t("principal")}` : ""}
            </legend>
            <PersonFields prefix={`members.${index}.`} errorFor={errorFor} principal={index === 0} />
            {index > 0 ? (
              <div className="mt-3 text-right">
                <Button variant="secondary" onClick={() => removeMember(key)}>
                  {t("removeMember", { number: index + 1 })}
                </Button>
              </div>
            ) : null}
          </fieldset>
        ))}
        {memberKeys.length < MAX_HOUSEHOLD ? (
          <Button variant="secondary" onClick={addMember}>
            {t("addMember")}
          </Button>
        ) : null}
      </section>

      <Section id="journey-heading" title={t("journey")} className="space-y-4">
        <JourneyFields errorFor={errorFor} />
      </Section>

      <Section id="case-heading" title={t("caseSection")} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label={t("team")} name="teamId" options={teams.map((team) => ({ value: team.id, label: team.name }))} error={errorFor("teamId")} />
          <SelectField
            label={t("caseworker")}
            name="caseworkerId"
            options={[{ value: "", label: t("none") }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
            defaultValue={assignable}
            error={errorFor("caseworkerId")}
          />
          <SelectField label={t("sensitivity")} name="sensitivity" options={sensitivityOptions} defaultValue="STANDARD" hint={t("sensitivityHint")} error={errorFor("sensitivity")} />
        </div>
      </Section>

      {state.duplicates?.length ? <DuplicateMatches household={state.duplicates} reasonError={errorFor("duplicateReason")} pending={pending} /> : null}

      <Button type="submit" disabled={pending} variant={state.duplicates?.length ? "secondary" : "primary"}>
        {sending ? t("saving") : state.duplicates?.length ? t("checkAgain") : t("submit")}
      </Button>
    </form>
  );
}
