"use client";
import { useTranslations } from "next-intl";
import { resumeProgrammeAction, suspendProgrammeAction } from "@/lib/programmes/actions";
import { bulkReassignAction } from "@/lib/cases/reassign";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, type Option } from "@/components/ui/field";
import { Disclosure } from "@/components/ui/disclosure";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";

type Holds = { proceedings: number; people: number; teams: string[] };

/**
 * Suspend or resume a programme for the teams this supervisor oversees.
 * Each opens a confirmation that says how many resettlements (and people)
 * in which teams it will hold or release, and asks why: the reason goes
 * into each case's note and stage history.
 */
export function ProgrammeSwitch({ programmeId, name, wouldHold, held }: { programmeId: string; name: string; wouldHold: Holds; held: Holds }) {
  return (
    <div className="flex flex-wrap gap-3">
      {/* Both stay on the page, so the answer to one remains visible after the counts change. */}
      <HoldForm programmeId={programmeId} name={name} mode="suspend" holds={wouldHold} />
      <HoldForm programmeId={programmeId} name={name} mode="resume" holds={held} />
    </div>
  );
}

function HoldForm({ programmeId, name, mode, holds }: { programmeId: string; name: string; mode: "suspend" | "resume"; holds: Holds }) {
  const t = useTranslations("programmes");
  const label = `${mode === "resume" ? t("resume") : t("suspend")}: ${name}`;
  // The form is its own component, drawn only once the section is opened
  // (decision 013): its counted messages are not worked out for the page's
  // HTML at every view of the dashboard, ten forms of them.
  return (
    <Disclosure summary={label} size="small">
      <HoldFormBody programmeId={programmeId} label={label} mode={mode} holds={holds} />
    </Disclosure>
  );
}

function HoldFormBody({ programmeId, label, mode, holds }: { programmeId: string; label: string; mode: "suspend" | "resume"; holds: Holds }) {
  const t = useTranslations("programmes");
  const { onSubmit, pending, errorFor, formError, state } = useFormAction((mode === "resume" ? resumeProgrammeAction : suspendProgrammeAction).bind(null, programmeId));
  const counts = { count: holds.proceedings, people: holds.people, teams: holds.teams.join(", ") };
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={label}>
      {holds.proceedings === 0 ? (
        <p className="text-sm text-slate-700">{mode === "resume" ? t("nothingToResume") : t("nothingToHold")}</p>
      ) : (
        <>
          <p className="text-sm">{mode === "resume" ? t("confirmResume", counts) : t("confirmSuspend", counts)}</p>
          <TextAreaField label={t("reason")} name="reason" rows={2} error={errorFor("reason")} />
          <Button type="submit" variant={mode === "resume" ? "secondary" : "danger"} disabled={pending}>
            {mode === "resume" ? t("resumeSubmit", counts) : t("suspendSubmit", counts)}
          </Button>
        </>
      )}
      {formError ? <p role="alert" className="text-sm text-red-700">{formError}</p> : null}
      {state.ok && state.data ? <p role="status" className="text-sm text-green-800">{t(mode === "resume" ? "resumedCount" : "suspendedCount", { count: Number(state.data.count) })}</p> : null}
    </form>
  );
}

export function BulkReassignForm({ staff }: { staff: Option[] }) {
  const t = useTranslations("dashboard");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, state } = useFormAction(bulkReassignAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("reassign")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {state.ok && state.data ? <p role="status" className="text-sm text-green-800">{t("reassigned", { count: Number(state.data.count) })}</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("reassignFrom")} name="fromId" options={staff} error={errorFor("fromId")} />
        <SelectField label={t("reassignTo")} name="toId" options={staff} error={errorFor("toId")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("reassignSubmit")}
      </Button>
    </form>
  );
}
