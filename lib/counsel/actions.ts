"use server";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import type { CaseAccess } from "@/lib/cases/access";
import { foldForSearch } from "@/lib/people/search-text";
import { findConflicts, type Conflict } from "./conflicts";
import { nameCounselSchema, partySchema } from "./schema";

/** Conflicts between this case's people and parties in the lawyer's other cases, and the other way round. */
async function conflictsFor(access: CaseAccess, counselId: string): Promise<Conflict[]> {
  const { caseId } = access;
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
  return caseCommand(code, formData, { permission: "counsel:assign", schema: nameCounselSchema }, async ({ access, input, audit }) => {
    const { counselId, confirmConflict } = input;
    const lawyer = await db.user.findFirst({ where: { id: counselId, role: "LEGAL_OFFICER", active: true, teamId: access.teamId }, select: { id: true } });
    if (!lawyer) refuse("invalidChoice", "counselId");
    if (await db.caseMember.findUnique({ where: { caseId_userId: { caseId: access.caseId, userId: counselId } } })) refuse("alreadyCounsel", "counselId");
    const conflicts = await conflictsFor(access, counselId);
    if (conflicts.length && !confirmConflict) {
      return {
        fieldErrors: { confirmConflict: "counselConflict" },
        data: { conflicts: [...new Set(conflicts.map((c) => c.caseCode))].join(", ") },
      };
    }
    await db.$transaction(async (tx) => {
      await tx.caseMember.create({ data: { caseId: access.caseId, userId: counselId, role: "COUNSEL" } });
      await audit(tx, { action: "counsel.assign", entity: "CaseMember", entityId: counselId, detail: { conflictsAcknowledged: conflicts.map((c) => c.caseCode) } });
    });
  });
}

export async function addPartyAction(code: string, proceedingId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "proceeding:manage", schema: partySchema, ids: [proceedingId] }, async ({ access, input, audit }) => {
    const proceeding = await db.proceeding.findFirst({ where: { id: proceedingId, caseId: access.caseId }, select: { id: true } });
    if (!proceeding) refuse("notFound");
    await db.$transaction(async (tx) => {
      const party = await tx.proceedingParty.create({
        data: { proceedingId, name: input.name, role: input.role, searchText: foldForSearch(input.name) },
        select: { id: true },
      });
      await audit(tx, { action: "party.create", entity: "ProceedingParty", entityId: party.id, detail: { role: input.role } });
    });
  });
}
