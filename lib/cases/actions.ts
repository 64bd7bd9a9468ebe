"use server";
// Case intake and edits. Each action: validate (zod) → authorize (policy) →
// one transaction with the change and its audit row → revalidate.
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { mayAssignCase, mayLiftRestriction, type Actor } from "@/lib/policy";
import { formDataToObject, type FormState } from "@/lib/forms";
import { caseCommand, command } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import { ConflictError, conflictFrom } from "@/lib/locking";
import { caseUpdateSchema, intakeSchema, MULTI_VALUED_FIELDS, personUpdateSchema, personSchema, type PersonInput } from "./schema";
import { notifySupervisors } from "@/lib/notifications/notify";
import { householdDuplicates, type HouseholdMatches, type Probe } from "@/lib/people/duplicates";
import { createCaseRecords, journeyData, personData } from "./create-case";
import { changedFields } from "./changes";
import { mayOpen } from "./access";

const readForm = (formData: FormData) => formDataToObject(formData, (name) => MULTI_VALUED_FIELDS.test(name));

async function assigneeAllowed(actor: Actor, teamId: string, caseworkerId: string | null) {
  const assignee = caseworkerId
    ? await db.user.findUnique({ where: { id: caseworkerId }, select: { role: true, teamId: true, active: true } })
    : null;
  if (caseworkerId && !assignee) return false;
  return mayAssignCase(actor, { teamId, assignee });
}

/** The intake form's result: field errors, or possible matches to decide on before anything is saved. */
export type IntakeState = FormState & { duplicates?: HouseholdMatches };

const toProbe = (member: PersonInput): Probe => ({ ...member, birthYear: member.dateOfBirth.birthYear });

/** Duplicate checks one person may run in an hour: enough for a busy intake day, too few to search by guessing. */
const DUPLICATE_CHECKS_PER_HOUR = 60;

/** Which identifying fields the probes gave, for the audit row (never their values). */
function fieldsChecked(probes: Probe[]): string[] {
  const fields = new Set<string>();
  for (const probe of probes) {
    if (probe.latinName?.trim()) fields.add("latinName");
    if (probe.nativeName?.trim()) fields.add("nativeName");
    if (probe.aliases?.length) fields.add("aliases");
    if (probe.birthYear) fields.add("birthYear");
    if (probe.nationality) fields.add("nationality");
    if (probe.unhcrNumber?.trim()) fields.add("unhcrNumber");
    if (probe.documentNumber?.trim()) fields.add("documentNumber");
  }
  return [...fields];
}

/** Going ahead despite possible matches: the codes shown, how many were hidden, and the user's reason. */
type Despite = { shownCodes: string[]; hidden: number; reason: string };

/**
 * Checks the people about to be registered against those already
 * registered (lib/people/duplicates) and applies the user's decision:
 * "link:<code>" goes to the existing case; without a decision, possible
 * matches are returned to the form and nothing is saved; "new" goes ahead,
 * with a reason that is kept as a note. The check and both decisions are
 * audited.
 */
async function weighDuplicates(
  user: Actor,
  form: Record<string, unknown>,
  people: PersonInput[],
  ip: string | null,
  options: { excludeCaseId?: string } = {},
): Promise<{ answer: IntakeState } | { proceed: Despite | null }> {
  const decision = typeof form.duplicateDecision === "string" ? form.duplicateDecision : "";
  // A check answers about cases the user may not open (that a match exists):
  // so many per hour, and each one audited with what was checked.
  const since = new Date(Date.now() - 3600_000);
  if ((await db.auditLog.count({ where: { actorId: user.id, action: "duplicate.check", at: { gte: since } } })) >= DUPLICATE_CHECKS_PER_HOUR) refuse("tooManyDuplicateChecks");
  const probes = people.map(toProbe);
  const { household: duplicates, hiddenCases } = await householdDuplicates(db, user, probes, options);
  const shownCodes = duplicates.flatMap((d) => d.matches.flatMap((m) => (m.visible ? [m.caseCode] : [])));
  const hidden = duplicates.filter((d) => d.matches.some((m) => !m.visible)).length;
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: user.id,
      action: "duplicate.check",
      entity: "Case",
      ...(options.excludeCaseId ? { entityId: options.excludeCaseId, caseId: options.excludeCaseId } : {}),
      ip,
      detail: { people: probes.length, fields: fieldsChecked(probes), shown: shownCodes, hiddenPeople: hidden, hiddenCases: hiddenCases.length },
    });
    // The supervisors of a case the user may not open hear of the possible match, and decide.
    for (const hiddenCase of hiddenCases) await notifySupervisors(tx, hiddenCase.teamId, hiddenCase.caseId, "duplicate-hidden", { once: true });
  });

  const linkTo = decision.startsWith("link:") ? decision.slice(5) : null;
  if (linkTo && shownCodes.includes(linkTo) && (await mayOpen(user, linkTo))) {
    const existing = await db.case.findUniqueOrThrow({ where: { code: linkTo }, select: { id: true } });
    await recordAudit(db, {
      actorId: user.id,
      action: "duplicate.link",
      entity: "Case",
      entityId: existing.id,
      caseId: existing.id,
      ip,
      detail: { people: people.length, ...(options.excludeCaseId ? { fromCaseId: options.excludeCaseId } : {}) },
    });
    redirect(`/cases/${linkTo}`);
  }
  if (duplicates.length === 0) return { proceed: null };
  if (decision !== "new") return { answer: { duplicates } };
  const reason = typeof form.duplicateReason === "string" ? form.duplicateReason.trim() : "";
  if (reason.length < 5) return { answer: { duplicates, fieldErrors: { duplicateReason: "duplicateReasonRequired" } } };
  if (reason.length > TEXT_LIMITS.reason) return { answer: { duplicates, fieldErrors: { duplicateReason: "tooLong" } } };
  return { proceed: { shownCodes, hidden, reason } };
}

/** Opens a case, once its members have been checked for earlier registrations (weighDuplicates). */
export async function createCaseAction(_previous: IntakeState, formData: FormData): Promise<IntakeState> {
  return command(formData, { permission: "case:create", schema: intakeSchema, read: readForm }, async ({ user, input, form, ip, audit }) => {
    if (!(await assigneeAllowed(user, input.teamId, input.caseworkerId))) refuse("assigneeNotAllowed", "caseworkerId");
    const weighed = await weighDuplicates(user, form, input.members, ip);
    if ("answer" in weighed) return weighed.answer;
    const despite = weighed.proceed;
    const created = await db.$transaction(async (tx) => {
      const record = await createCaseRecords(tx, input, user.id);
      const reason = await keepDuplicateReason(tx, record.id, user.id, despite, "Opened as a new case");
      await audit(tx, { action: "case.create", entity: "Case", entityId: record.id, caseId: record.id, detail: { householdSize: input.members.length, ...reason } });
      return record;
    });
    revalidatePath("/cases");
    redirect(`/cases/${created.code}`);
  });
}

/**
 * Why someone was registered despite possible matches: kept as a note on the
 * case for the team to read. Returns what the audit row records about it.
 */
async function keepDuplicateReason(tx: Tx, caseId: string, authorId: string, despite: Despite | null, what: string) {
  if (!despite) return {};
  const matches = despite.shownCodes.length ? ` (${despite.shownCodes.join(", ")})` : "";
  const note = await tx.note.create({
    data: { caseId, authorId, kind: "OTHER", body: `${what} despite possible matches${matches}: ${despite.reason}` },
    select: { id: true },
  });
  return { possibleMatches: despite.shownCodes, hiddenMatches: despite.hidden, reasonNoteId: note.id };
}

async function conflictFor(caseId: string): Promise<ConflictError> {
  return conflictFrom(db, await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { updatedAt: true, updatedById: true } }));
}

export async function updateCaseAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "case:update", schema: caseUpdateSchema, read: readForm }, async ({ access, input, audit }): Promise<FormState | void> => {
    if (!(await assigneeAllowed(access.actor, access.teamId, input.caseworkerId))) refuse("assigneeNotAllowed", "caseworkerId");
    const current = await db.case.findUniqueOrThrow({ where: { id: access.caseId }, select: { sensitivity: true } });
    const liftsRestriction = current.sensitivity === "RESTRICTED" && input.sensitivity !== "RESTRICTED";
    if (liftsRestriction && !mayLiftRestriction(access.actor)) {
      // Asked, not done: the supervisors decide, and are told.
      await db.$transaction(async (tx) => {
        await notifySupervisors(tx, access.teamId, access.caseId, "restriction-lift-requested", { once: true });
        await audit(tx, { action: "action.refused", entity: "Case", entityId: access.caseId, fields: ["sensitivity"], detail: { reason: "restrictionNeedsSupervisor", asked: input.sensitivity } });
      });
      return { fieldErrors: { sensitivity: "restrictionNeedsSupervisor" } };
    }
    await db.$transaction(async (tx) => {
      const before = await tx.case.findUniqueOrThrow({ where: { id: access.caseId }, select: { status: true, sensitivity: true, caseworkerId: true, journey: true, anonymisedAt: true } });
      // Closing needs a supervisor's approval (lib/closures), never a plain edit.
      if (input.status === "CLOSED" && before.status !== "CLOSED") refuse("closureNeedsApproval", "status");
      // An anonymised case is a record for the figures only: there is no one left in it to work for.
      if (before.anonymisedAt && input.status !== "CLOSED") refuse("caseAnonymised", "status");
      const caseChanges = { status: input.status, sensitivity: input.sensitivity, caseworkerId: input.caseworkerId };
      const journey = journeyData(input.journey);
      const fields = [...changedFields(before, caseChanges), ...changedFields(before.journey ?? {}, journey, "journey.")];
      const updated = await tx.case.updateMany({
        where: { id: access.caseId, version: input.version },
        data: { ...caseChanges, updatedById: access.actor.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFor(access.caseId);
      await tx.journey.upsert({
        where: { caseId: access.caseId },
        create: { caseId: access.caseId, ...journey },
        update: { ...journey, version: { increment: 1 } },
      });
      await audit(tx, { action: "case.update", entity: "Case", entityId: access.caseId, fields });
      if (liftsRestriction) await notifySupervisors(tx, access.teamId, access.caseId, "restriction-lifted");
    });
    redirect(`/cases/${access.code}`);
  });
}

export async function updatePersonAction(code: string, personId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "person:update", schema: personUpdateSchema, read: readForm, ids: [personId] }, async ({ access, input, audit }) => {
    const { version, ...person } = input;
    await db.$transaction(async (tx) => {
      const before = await tx.person.findFirst({ where: { id: personId, caseId: access.caseId } });
      if (!before) refuse("notFound");
      // The principal is fixed at intake: the relationship of the first
      // member cannot change here, nor can another member become principal.
      if ((before.relationship === "PRINCIPAL") !== (person.relationship === "PRINCIPAL")) refuse("principalFixed", "relationship");
      const data = personData(person);
      const fields = changedFields(before, data).filter((field) => field !== "searchText");
      const updated = await tx.person.updateMany({
        where: { id: personId, caseId: access.caseId, version },
        data: { ...data, updatedById: access.actor.id, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw await conflictFrom(tx, await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { updatedAt: true, updatedById: true } }));
      }
      if (before.relationship === "PRINCIPAL") {
        // The case list shows the principal's name from the case row.
        await tx.case.update({
          where: { id: access.caseId },
          data: { principalName: data.latinName, principalNativeName: data.nativeName, nationality: data.nationality },
        });
      }
      await audit(tx, { action: "person.update", entity: "Person", entityId: personId, fields });
    });
    redirect(`/cases/${access.code}`);
  });
}

/** Adds a household member, once they have been checked for an earlier registration elsewhere (weighDuplicates). */
export async function addPersonAction(code: string, _previous: IntakeState, formData: FormData): Promise<IntakeState> {
  return caseCommand(code, formData, { permission: "person:update", schema: personSchema, read: readForm }, async ({ access, input, form, ip, audit }) => {
    if (input.relationship === "PRINCIPAL") refuse("onePrincipal", "relationship");
    // This household's own members are not duplicates of the one being added.
    const weighed = await weighDuplicates(access.actor, form, [input], ip, { excludeCaseId: access.caseId });
    if ("answer" in weighed) return weighed.answer;
    const despite = weighed.proceed;
    await db.$transaction(async (tx) => {
      const last = await tx.person.aggregate({ where: { caseId: access.caseId }, _max: { position: true }, _count: true });
      const person = await tx.person.create({
        data: { ...personData(input), caseId: access.caseId, position: (last._max.position ?? 0) + 1, updatedById: access.actor.id },
        select: { id: true },
      });
      await tx.case.update({ where: { id: access.caseId }, data: { householdSize: last._count + 1 } });
      const reason = await keepDuplicateReason(tx, access.caseId, access.actor.id, despite, `${input.latinName} added`);
      await audit(tx, { action: "person.create", entity: "Person", entityId: person.id, ...(despite ? { detail: reason } : {}) });
    });
    redirect(`/cases/${access.code}`);
  });
}
