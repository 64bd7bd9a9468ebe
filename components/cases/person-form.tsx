"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { addPersonAction, updatePersonAction, type IntakeState } from "@/lib/cases/actions";
import { Button, secondaryLinkButtonClass } from "@/components/ui/button";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { PersonFields, type PersonDefaults } from "./person-fields";
import { DuplicateMatches } from "./duplicate-matches";
import { cardClass } from "@/components/ui/section";

/** Edits one household member, or adds one when `person` is absent (checked first for an earlier registration). */
export function PersonForm({ code, person }: { code: string; person?: PersonDefaults & { id: string; version: number } }) {
  const tEdit = useTranslations("edit");
  const tIntake = useTranslations("intake");
  const action: (previous: IntakeState, form: FormData) => Promise<IntakeState> = person ? updatePersonAction.bind(null, code, person.id) : addPersonAction.bind(null, code);
  const { state, onSubmit, pending, sending, errorFor, formError, hasFieldErrors, conflict } = useFormAction<IntakeState>(action);
  const matches = state.duplicates?.length ? state.duplicates : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      {person ? <input type="hidden" name="version" value={person.version} /> : null}
      <div className={cardClass}>
        <PersonFields defaults={person} errorFor={errorFor} principal={person?.relationship === "PRINCIPAL"} />
      </div>
      {matches ? <DuplicateMatches household={matches} reasonError={errorFor("duplicateReason")} pending={pending} adding /> : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending} variant={matches ? "secondary" : "primary"}>
          {sending ? tIntake("saving") : matches ? tIntake("checkAgain") : person ? tEdit("save") : tEdit("add")}
        </Button>
        <Link href={`/cases/${code}`} className={secondaryLinkButtonClass}>
          {tEdit("cancel")}
        </Link>
      </div>
    </form>
  );
}
