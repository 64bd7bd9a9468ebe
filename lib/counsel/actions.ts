"use server";
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { foldForSearch } from "@/lib/people/search-text";
import { findConflicts, type Conflict } from "./conflicts";
import { nameCounselSchema, partySchema } from "./schema";

/** Conflicts between this case's people and parties in the lawyer's other cases, and the other way round. */
async function conflictsFor(caseId: string, counselId: string): Promise<Conflict[]> {
  const otherCases = { members: { some: { userId: counselId, role: "COUNSEL" as const } }, id: { not: caseId } };
  const [people, partiesElsewhere, partiesHere, clientsElsewhere] = await Promise.all([
    db.person.findMany({ where: { caseId }, select: { searchText: true } }),
    db.proceedingParty.findMany({ where: { proceeding: { case: otherCases } }, select: { name: true, role: true, proceeding: { select: { case: { select: { code: true } } } } } }),
    db.proceedingParty.findMany({ where: { proceeding: { caseId } }, select: { name: true, role: true } }),
    db.person.findMany({ where: { case: otherCases }, select: { searchText: true, case: { select: { code: true } } } }),
  ]);
  const against = findConflicts(
    people.map((p) => p.searchText),
    partiesElsewhere.map((p) => ({ name: p.name, role: p.role, caseCode: p.proceeding.case.code })),
  );
  const forOthers = clientsElsewhere.flatMap((client) =>
    findConflicts([client.searchText], partiesHere.map((p) => ({ name: p.name, role: p.role, caseCode: client.case.code }))),
  );
  return [...against, ...forOthers];
}

export async function nameCounselAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "counsel:assign");
  const target = await visibleCaseOr404(user, code);
  const parsed = nameCounselSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const { counselId, confirmConflict } = parsed.data;
  const lawyer = await db.user.findFirst({ where: { id: counselId, role: "LEGAL_OFFICER", active: true, teamId: target.teamId }, select: { id: true } });
  if (!lawyer) return { fieldErrors: { counselId: "invalidChoice" } };
  if (await db.caseMember.findUnique({ where: { caseId_userId: { caseId: target.id, userId: counselId } } })) return { fieldErrors: { counselId: "alreadyCounsel" } };
  const conflicts = await conflictsFor(target.id, counselId);
  if (conflicts.length && !confirmConflict) {
    return {
      fieldErrors: { confirmConflict: "counselConflict" },
      data: { conflicts: [...new Set(conflicts.map((c) => c.caseCode))].join(", ") },
    };
  }
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    await tx.caseMember.create({ data: { caseId: target.id, userId: counselId, role: "COUNSEL" } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "counsel.assign",
      entity: "CaseMember",
      entityId: counselId,
      caseId: target.id,
      ip,
      detail: { conflictsAcknowledged: conflicts.map((c) => c.caseCode) },
    });
  });
  revalidatePath(`/cases/${code}/proceedings`);
  return { ok: true };
}

export async function addPartyAction(code: string, proceedingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "proceeding:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = partySchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const proceeding = await db.proceeding.findFirst({ where: { id: proceedingId, caseId: target.id }, select: { id: true } });
  if (!proceeding) notFound();
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    const party = await tx.proceedingParty.create({
      data: { proceedingId, name: parsed.data.name, role: parsed.data.role, searchText: foldForSearch(parsed.data.name) },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "party.create", entity: "ProceedingParty", entityId: party.id, caseId: target.id, ip, detail: { role: parsed.data.role } });
  });
  revalidatePath(`/cases/${code}/proceedings`);
  return { ok: true };
}
