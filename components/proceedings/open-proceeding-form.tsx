"use client";
import { useTranslations } from "next-intl";
import { openProceedingAction } from "@/lib/proceedings/actions";
import { GRAPHS, PROCEEDING_TYPES, type ProceedingType } from "@/lib/workflows";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { useControlValue } from "@/components/forms/before-hydration";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export function OpenProceedingForm({ code, hasDefector, programmes }: { code: string; hasDefector: boolean; programmes: { id: string; name: string; status: string }[] }) {
  const t = useTranslations("proceedings");
  const tType = useTranslations("enums.proceedingType");
  const tStage = useTranslations("stages");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(openProceedingAction.bind(null, code));
  // The type decides the starting stages and fields shown; chosen before the scripts ran, it is kept.
  const [chosenType, setType, typeControl] = useControlValue(hasDefector ? "TRANSFER_TO_KOREA" : "UNHCR_RSD");
  const type = chosenType as ProceedingType;
  const warnNsm = type === "NSM" && hasDefector;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("opened")}</Alert> : null}
      <SelectField
        label={t("type")}
        name="type"
        ref={typeControl}
        value={type}
        onChange={(event) => setType(event.target.value)}
        options={PROCEEDING_TYPES.map((value) => ({ value, label: tType(value) }))}
        error={errorFor("type")}
      />
      {/* Not keyed by type: a stage chosen before the scripts ran stays chosen when it is one of the type's. */}
      <SelectField label={t("startStage")} name="stage" required options={GRAPHS[type].initial.map((stage) => ({ value: stage, label: tStage(stage) }))} error={errorFor("stage")} />
      <DateField label={t("occurredOn")} name="occurredOn" hint={t("occurredOnHint")} error={errorFor("occurredOn")} />
      <TextField label={t("reference")} name="reference" hint={t("referenceHint")} autoComplete="off" error={errorFor("reference")} />
      {type === "UNHCR_RSD" ? <DateField label={t("certificateExpiresOn")} name="certificateExpiresOn" error={errorFor("certificateExpiresOn")} /> : null}
      {type === "RESETTLEMENT" ? (
        <SelectField
          label={t("programme")}
          name="programmeId"
          options={[{ value: "", label: "—" }, ...programmes.map((p) => ({ value: p.id, label: p.status === "SUSPENDED" ? `${p.name} (${t("suspended")})` : p.name }))]}
          error={errorFor("programmeId")}
        />
      ) : null}
      <TextAreaField label={t("reason")} name="reason" required limit={TEXT_LIMITS.reason} rows={2} error={errorFor("reason")} />
      {warnNsm || errorFor("confirmNsm") ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
          <label className="flex items-start gap-2 text-sm text-amber-950">
            <input type="checkbox" name="confirmNsm" className="mt-1 h-4 w-4" aria-describedby={errorFor("confirmNsm") ? "confirm-nsm-error" : undefined} />
            {t("confirmNsm")}
          </label>
          {errorFor("confirmNsm") ? (
            <p id="confirm-nsm-error" role="alert" className="mt-1 text-sm text-red-700">
              {errorFor("confirmNsm")}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("openSubmit")}
      </Button>
    </form>
  );
}
