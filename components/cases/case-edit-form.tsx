"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { updateCaseAction } from "@/lib/cases/actions";
import { CASE_STATUSES, SENSITIVITIES } from "@/lib/cases/schema";
import { Button, secondaryLinkButtonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { JourneyFields, type JourneyDefaults } from "./journey-fields";
import { useEnumOptions } from "./options";
import { cardClass, Section } from "@/components/ui/section";

export type CaseEditDefaults = { version: number; status: string; sensitivity: string; caseworkerId: string | null; journey: JourneyDefaults };

export function CaseEditForm({ code, defaults, staff }: { code: string; defaults: CaseEditDefaults; staff: { id: string; name: string }[] }) {
  const t = useTranslations("intake");
  const tEdit = useTranslations("edit");
  const tCase = useTranslations("caseFile");
  const { onSubmit, pending, sending, errorFor, formError, hasFieldErrors, conflict } = useFormAction(updateCaseAction.bind(null, code));
  const statusOptions = useEnumOptions("status", CASE_STATUSES);
  const sensitivityOptions = useEnumOptions("sensitivity", SENSITIVITIES);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <input type="hidden" name="version" value={defaults.version} />
      <section className={`${cardClass} grid gap-4 sm:grid-cols-3`}>
        <SelectField label={tCase("status")} name="status" options={statusOptions} defaultValue={defaults.status} error={errorFor("status")} />
        <SelectField label={t("sensitivity")} name="sensitivity" options={sensitivityOptions} defaultValue={defaults.sensitivity} hint={t("sensitivityHint")} error={errorFor("sensitivity")} />
        <SelectField
          label={t("caseworker")}
          name="caseworkerId"
          options={[{ value: "", label: t("none") }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
          defaultValue={defaults.caseworkerId ?? ""}
          error={errorFor("caseworkerId")}
        />
      </section>
      <Section id="journey-edit-heading" title={t("journey")} className="space-y-4">
        <JourneyFields defaults={defaults.journey} errorFor={errorFor} />
      </Section>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {sending ? t("saving") : tEdit("save")}
        </Button>
        <Link href={`/cases/${code}`} className={secondaryLinkButtonClass}>
          {tEdit("cancel")}
        </Link>
      </div>
    </form>
  );
}
