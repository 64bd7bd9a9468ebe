"use client";
import { useTranslations } from "next-intl";
import { addPartyAction, nameCounselAction } from "@/lib/counsel/actions";
import { PARTY_ROLES } from "@/lib/counsel/schema";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function NameCounselForm({ code, lawyers }: { code: string; lawyers: Option[] }) {
  const t = useTranslations("counsel");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, state } = useFormAction(nameCounselAction.bind(null, code));
  const conflictError = errorFor("confirmConflict");
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("name")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors && !conflictError} />
      {saved ? <Alert tone="success">{t("named")}</Alert> : null}
      <SelectField label={t("lawyer")} name="counselId" required options={lawyers} error={errorFor("counselId")} />
      {conflictError ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" role="alert">
          <p className="font-semibold">{conflictError}</p>
          {state.data?.conflicts ? <p>{t("conflictCases", { cases: state.data.conflicts })}</p> : null}
          {state.data?.hidden ? <p>{t("conflictHiddenSupervisor")}</p> : null}
          <label className="mt-2 flex items-start gap-2">
            <input type="checkbox" name="confirmConflict" className="mt-1 h-4 w-4" />
            {t("confirmConflict")}
          </label>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("nameSubmit")}
      </Button>
    </form>
  );
}

export function AddPartyForm({ code, proceedingId }: { code: string; proceedingId: string }) {
  const t = useTranslations("counsel");
  const tRole = useTranslations("enums.partyRole");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(addPartyAction.bind(null, code, proceedingId));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2" aria-label={t("addParty")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("partyAdded")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("partyName")} name="name" required limit={TEXT_LIMITS.name} autoComplete="off" error={errorFor("name")} />
        <SelectField label={t("partyRole")} name="role" required options={PARTY_ROLES.map((r) => ({ value: r, label: tRole(r) }))} error={errorFor("role")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("addPartySubmit")}
      </Button>
    </form>
  );
}
