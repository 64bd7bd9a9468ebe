"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { notify } from "@/lib/notifications/notify";
import { requestClosure } from "./requests";
import { closureDecisionSchema, closureRequestSchema } from "./schema";

/** A caseworker asks to close the case; it stays open until a supervisor approves. */
export async function requestClosureAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "closure:request", schema: closureRequestSchema }, async ({ access, input, ip }) => {
    await db.$transaction(async (tx) => {
      const outcome = await requestClosure(tx, access.caseId, input.reason, { actorId: access.actor.id, ip });
      if (outcome !== "requested") refuse(outcome);
    });
  });
}

/** A supervisor approves (the case closes) or returns the request with a comment. */
export async function decideClosureAction(code: string, requestId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "closure:approve", schema: closureDecisionSchema, ids: [requestId] }, async ({ access, input, audit }) => {
    const { decision, comment } = input;
    await db.$transaction(async (tx) => {
      const updated = await tx.closureRequest.updateMany({
        where: { id: requestId, caseId: access.caseId, status: "PENDING" },
        data: { status: decision === "approve" ? "APPROVED" : "RETURNED", decidedById: access.actor.id, decidedAt: new Date(), comment: comment || null },
      });
      if (updated.count === 0) refuse("closureAlreadyDecided");
      // The caseworker who asked hears the answer.
      const request = await tx.closureRequest.findUniqueOrThrow({ where: { id: requestId }, select: { requestedById: true } });
      if (request.requestedById !== access.actor.id) {
        await notify(tx, [{ userId: request.requestedById, caseId: access.caseId, kind: decision === "approve" ? "closure-approved" : "closure-returned" }]);
      }
      if (decision === "approve") {
        await tx.case.update({ where: { id: access.caseId }, data: { status: "CLOSED", updatedById: access.actor.id, version: { increment: 1 } } });
        await audit(tx, { action: "case.update", entity: "Case", entityId: access.caseId, fields: ["status"] });
      }
      await audit(tx, { action: decision === "approve" ? "closure.approve" : "closure.return", entity: "ClosureRequest", entityId: requestId });
    });
    revalidatePath("/dashboard");
  });
}
