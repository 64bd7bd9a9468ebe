"use client";
import { useTranslations } from "next-intl";
import { createUserAction, resetTotpAction, setSecuritySettingAction, setUserActiveAction, setUserPasswordAction, updateUserAction } from "@/lib/users/actions";
import { ROLES } from "@/lib/users/roles";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { SavedMessage } from "@/components/forms/saved-message";

type Team = { id: string; name: string };

/** Role, team and organisation-wide fields, shared by the create and edit forms. */
function AccountFields({ teams, errorFor, initial }: { teams: Team[]; errorFor: (name: string) => string | undefined; initial?: { name: string; role: string; teamId: string | null; organisationWide: boolean } }) {
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  return (
    <>
      <TextField label={t("name")} name="name" autoComplete="off" defaultValue={initial?.name} error={errorFor("name")} />
      <SelectField label={t("role")} name="role" defaultValue={initial?.role ?? "CASEWORKER"} options={ROLES.map((r) => ({ value: r, label: tRole(r) }))} error={errorFor("role")} />
      <SelectField label={t("team")} name="teamId" defaultValue={initial?.teamId ?? ""} options={[{ value: "", label: t("noTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} hint={t("teamHint")} error={errorFor("teamId")} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="organisationWide" defaultChecked={initial?.organisationWide} className="mt-1 h-4 w-4" aria-describedby={errorFor("organisationWide") ? "org-wide-error" : undefined} />
        {t("organisationWide")}
      </label>
      {errorFor("organisationWide") ? (
        <p id="org-wide-error" className="text-sm text-red-700">
          {errorFor("organisationWide")}
        </p>
      ) : null}
    </>
  );
}

export function CreateUserForm({ teams }: { teams: Team[] }) {
  const t = useTranslations("users");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, conflict } = useFormAction(createUserAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("create")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <TextField label={t("email")} name="email" type="email" autoComplete="off" error={errorFor("email")} />
      <AccountFields teams={teams} errorFor={errorFor} />
      <TextField label={t("initialPassword")} name="password" type="password" autoComplete="new-password" hint={t("passwordHint")} error={errorFor("password")} />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
      <SavedMessage show={saved}>{t("created")}</SavedMessage>
    </form>
  );
}

export function EditUserForm({ user, teams }: { user: { id: string; name: string; role: string; teamId: string | null; organisationWide: boolean; version: number }; teams: Team[] }) {
  const t = useTranslations("users");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, saved, conflict } = useFormAction(updateUserAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("edit")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <AccountFields teams={teams} errorFor={errorFor} initial={user} />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
      <SavedMessage show={saved}>{t("saved")}</SavedMessage>
    </form>
  );
}

export function ActiveForm({ id, active }: { id: string; active: boolean }) {
  const t = useTranslations("users");
  const { onSubmit, pending, formError } = useFormAction(setUserActiveAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={active ? t("deactivate") : t("reactivate")}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <p className="text-sm text-slate-700">{active ? t("deactivateHint") : t("reactivateHint")}</p>
      <Button type="submit" variant={active ? "danger" : "secondary"} disabled={pending}>
        {active ? t("deactivate") : t("reactivate")}
      </Button>
      {formError ? <p role="alert" className="text-sm text-red-700">{formError}</p> : null}
    </form>
  );
}

export function SetPasswordForm({ id }: { id: string }) {
  const t = useTranslations("users");
  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, conflict } = useFormAction(setUserPasswordAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("setPassword")}>
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} conflict={conflict} />
      <input type="hidden" name="id" value={id} />
      <TextField label={t("newPassword")} name="password" type="password" autoComplete="new-password" hint={t("passwordHint")} error={errorFor("password")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("setPassword")}
      </Button>
      <SavedMessage show={saved}>{t("passwordSet")}</SavedMessage>
    </form>
  );
}

export function ResetTotpForm({ id }: { id: string }) {
  const t = useTranslations("users");
  const { onSubmit, pending, formError, saved } = useFormAction(resetTotpAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("resetTotp")}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("resetTotp")}
      </Button>
      {formError ? <p role="alert" className="text-sm text-red-700">{formError}</p> : null}
      <SavedMessage show={saved}>{t("totpCleared")}</SavedMessage>
    </form>
  );
}

export function SecuritySettingForm({ required, grantMaxDays }: { required: string[]; grantMaxDays: number }) {
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  const { onSubmit, pending, errorFor, saved } = useFormAction(setSecuritySettingAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("totpRequired")}>
      <CheckboxGroup legend={t("totpRequired")} name="totpRequiredFor" options={ROLES.map((r) => ({ value: r, label: tRole(r) }))} defaultValues={required} error={errorFor("totpRequiredFor")} />
      <TextField label={t("grantMaxDays")} name="grantMaxDays" type="number" min={1} max={365} defaultValue={grantMaxDays} hint={t("grantMaxDaysHint")} className="w-40" error={errorFor("grantMaxDays")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      <SavedMessage show={saved}>{t("saved")}</SavedMessage>
    </form>
  );
}
