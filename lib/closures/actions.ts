"use server";
import { revalidatePath } from "next/cache";
import { forgetDashboardFigures } from "@/lib/dashboard/figures";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { closureDecisionSchema, closureRequestSchema } from "./schema";

/** A caseworker asks to close the case; it stays open until a supervisor approves. */
export async function requestClosureAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "closure:request", schema: closureRequestSchema }, async ({ access, input, audit }) => {
    await db.$transaction(async (tx) => {
      // Lock the case so two requests at once cannot both find no pending one.
      const [row] = await tx.$queryRaw<{ status: string }[]>`select status::text from "Case" where id = ${access.caseId}::uuid for update`;
      if (row.status === "CLOSED") refuse("alreadyClosed");
      if (await tx.closureRequest.count({ where: { caseId: access.caseId, status: "PENDING" } })) refuse("closurePending");
      const request = await tx.closureRequest.create({ data: { caseId: access.caseId, requestedById: access.actor.id, reason: input.reason }, select: { id: true } });
      await audit(tx, { action: "closure.request", entity: "ClosureRequest", entityId: request.id });
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
        await tx.notification.create({ data: { userId: request.requestedById, caseId: access.caseId, kind: decision === "approve" ? "closure-approved" : "closure-returned" } });
      }
      if (decision === "approve") {
        await tx.case.update({ where: { id: access.caseId }, data: { status: "CLOSED", updatedById: access.actor.id, version: { increment: 1 } } });
        await audit(tx, { action: "case.update", entity: "Case", entityId: access.caseId, fields: ["status"] });
      }
      await audit(tx, { action: decision === "approve" ? "closure.approve" : "closure.return", entity: "ClosureRequest", entityId: requestId });
    });
    forgetDashboardFigures();
    revalidatePath("/dashboard");
  });
}
