import "server-only";
// The command pipeline every server action runs through:
//   signed in → permission (lib/policy) → open the case (lib/cases/access)
//   → parse the form with the zod schema from the domain's schema.ts
//   → the change, in one transaction with its audit row → the form's answer.
// A refusal at any step is a form error (never a 500): a permission the
// role lacks is "notAllowed"; a case or record out of reach is "notFound",
// the same whether it does not exist or may not be seen; a request that is
// not a form at all is "invalidRequest". Refused attempts are audited.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/policy";
import { formDataToObject, formErrorsFrom, isForm, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { Refusal } from "@/lib/refusal";
import { isUuid } from "@/lib/validation/ids";
import { openCase, type CaseAccess } from "@/lib/cases/access";
import { rememberWrite } from "@/lib/read-replica";

/** A refusal as the form shows it: beside its field, or above the form. */
export function refusalState(refusal: Refusal): FormState {
  if (refusal.field) return { fieldErrors: { [refusal.field]: refusal.key }, ...(refusal.values ? { fieldErrorValues: { [refusal.field]: refusal.values } } : {}) };
  return { formError: refusal.key, ...(refusal.values ? { formErrorValues: refusal.values } : {}) };
}

/** An audit row for this command: who and from where are filled in. */
type AuditNote = Omit<AuditEntry, "actorId" | "ip">;

export type CommandContext<Input> = {
  user: CurrentUser;
  input: Input;
  /** The form as read, for values outside the schema (a decision button, a confirmation). */
  form: Record<string, unknown>;
  ip: string | null;
  /** Writes the change's audit row inside its transaction. */
  audit: (tx: Pick<Tx, "$executeRaw">, entry: AuditNote) => Promise<void>;
};

export type CaseCommandContext<Input> = CommandContext<Input> & { access: CaseAccess };

type Spec<Schema extends z.ZodType> = {
  /** The permission the command needs (any one of them, for a list). */
  permission: Permission | Permission[];
  schema: Schema;
  /** How the form is read into an object (e.g. which fields repeat); formDataToObject by default. */
  read?: (formData: FormData) => Record<string, unknown>;
  /** Record ids the action was bound to: anything but a UUID is "not found" before any query. */
  ids?: unknown[];
  /**
   * For a command on a record outside any one case (a referral answered by
   * the receiving partner): whether the actor may act on it. Checked before
   * the form is read; false is "not found", as for a case out of reach.
   */
  mayActOn?: (user: CurrentUser) => Promise<boolean>;
};

// What a command's body answers: nothing (saved: `{ ok: true }`), or a
// form state of its own (a count to show, possible duplicates to decide on).
// NoInfer: the answer type comes from the action's declared return type,
// so a body's object literals are checked against it rather than widening it.

/** Runs a command that is not about one case (settings, accounts, programmes, intake). */
export async function command<Schema extends z.ZodType, R extends FormState = FormState>(
  formData: unknown,
  spec: Spec<Schema>,
  body: (context: CommandContext<z.infer<Schema>>) => Promise<NoInfer<R> | void>,
): Promise<R> {
  return run(formData, spec, async () => ({ ok: true as const, audit: {} }), (context) => body(context));
}

/**
 * Runs a command on one case. The case is opened for "change" (the change
 * writes its own audit row, which carries the case), and the case's pages
 * are revalidated afterwards.
 */
export async function caseCommand<Schema extends z.ZodType, R extends FormState = FormState>(
  code: unknown,
  formData: unknown,
  spec: Spec<Schema>,
  body: (context: CaseCommandContext<z.infer<Schema>>) => Promise<NoInfer<R> | void>,
): Promise<R> {
  let opened: CaseAccess | null = null;
  return run(
    formData,
    spec,
    async (user, ip) => {
      opened = await openCase(user, code, "change", ip);
      return opened ? { ok: true as const, audit: { caseId: opened.caseId } } : { ok: false as const };
    },
    async (context) => {
      const access = opened!;
      try {
        return await body({ ...context, access });
      } finally {
        revalidatePath(`/cases/${access.code}`, "layout");
      }
    },
  );
}

type Opened = { ok: true; audit: Partial<AuditNote> } | { ok: false };

async function run<Schema extends z.ZodType, R extends FormState>(
  formData: unknown,
  spec: Spec<Schema>,
  open: (user: CurrentUser, ip: string | null) => Promise<Opened>,
  body: (context: CommandContext<z.infer<Schema>>) => Promise<R | void>,
): Promise<R> {
  const user = await requireUser();
  const ip = await clientIp();
  // Every refusal is a FormState; R adds optional fields only, so it fits.
  const answer = (state: FormState) => state as R;
  if (!isForm(formData)) return answer({ formError: "invalidRequest" });
  const permissions = Array.isArray(spec.permission) ? spec.permission : [spec.permission];
  if (!permissions.some((permission) => can(user, permission))) {
    await recordAudit(db, { actorId: user.id, action: "action.refused", entity: "Permission", entityId: permissions.join(" "), ip });
    return answer({ formError: "notAllowed" });
  }
  if (spec.ids?.some((id) => !isUuid(id))) return answer({ formError: "notFound" });
  const opened = await open(user, ip);
  if (!opened.ok || (spec.mayActOn && !(await spec.mayActOn(user)))) return answer({ formError: "notFound" });
  const form = (spec.read ?? formDataToObject)(formData);
  const parsed = spec.schema.safeParse(form);
  if (!parsed.success) return answer(formErrorsFrom(parsed.error));
  const audit = (tx: Pick<Tx, "$executeRaw">, entry: AuditNote) => recordAudit(tx, { ...opened.audit, ...entry, actorId: user.id, ip });
  try {
    return (await body({ user, input: parsed.data, form, ip, audit })) ?? answer({ ok: true });
  } catch (error) {
    if (error instanceof Refusal) return answer(refusalState(error));
    throw error;
  } finally {
    // Also when the body redirects (which Next does by throwing): the change is made.
    await rememberWrite().catch(() => undefined);
  }
}
