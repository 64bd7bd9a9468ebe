"use server";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { foldForSearch } from "@/lib/people/search-text";
import { checkCounselConflicts } from "./conflict-check";
import { mayClearHiddenConflict } from "@/lib/policy";
import { notifySupervisors } from "@/lib/notifications/notify";
import { nameCounselSchema, partySchema } from "./schema";

export async function nameCounselAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "counsel:assign", schema: nameCounselSchema }, async ({ access, input, audit }): Promise<FormState | void> => {
    const { counselId, confirmConflict } = input;
    const lawyer = await db.user.findFirst({ where: { id: counselId, role: "LEGAL_OFFICER", active: true, teamId: access.teamId }, select: { id: true } });
    if (!lawyer) refuse("invalidChoice", "counselId");
    if (await db.caseMember.findUnique({ where: { caseId_userId: { caseId: access.caseId, userId: counselId } } })) refuse("alreadyCounsel", "counselId");
    const conflicts = await checkCounselConflicts(access, counselId);
    // A conflict in a case the actor cannot open: they learn only that it
    // exists; a supervisor clears it, and the team's supervisors are told.
    if (conflicts.hidden && !mayClearHiddenConflict(access.actor)) {
      await db.$transaction(async (tx) => {
        await notifySupervisors(tx, access.teamId, access.caseId, "counsel-conflict", { once: true });
        await audit(tx, { action: "action.refused", entity: "CaseMember", entityId: counselId, detail: { reason: "counselConflictHidden", visibleConflicts: conflicts.visibleCodes.length } });
      });
      return { fieldErrors: { counselId: "counselConflictHidden" } };
    }
    if ((conflicts.hidden || conflicts.visibleCodes.length) && !confirmConflict) {
      return {
        fieldErrors: { confirmConflict: "counselConflict" },
        data: { conflicts: conflicts.visibleCodes.join(", "), hidden: conflicts.hidden ? "1" : "" },
      };
    }
    await db.$transaction(async (tx) => {
      await tx.caseMember.create({ data: { caseId: access.caseId, userId: counselId, role: "COUNSEL" } });
      await audit(tx, { action: "counsel.assign", entity: "CaseMember", entityId: counselId, detail: { conflictsAcknowledged: conflicts.visibleCodes, hiddenConflictCleared: conflicts.hidden } });
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
