"use server";
import { revalidatePath } from "next/cache";
import { forgetDashboardFigures } from "@/lib/dashboard/figures";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { closureDecisionSchema, closureRequestSchema } from "./schema";

/** A caseworker asks to close the case; it stays open until a supervisor approves. */
export async function requestClosureAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "closure:request");
  const target = await visibleCaseOr404(user, code);
  const parsed = closureRequestSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const ip = await clientIp();
  const refused = await db.$transaction(async (tx) => {
    // Lock the case so two requests at once cannot both find no pending one.
    const [row] = await tx.$queryRaw<{ status: string }[]>`select status::text from "Case" where id = ${target.id}::uuid for update`;
    if (row.status === "CLOSED") return "alreadyClosed";
    if (await tx.closureRequest.count({ where: { caseId: target.id, status: "PENDING" } })) return "closurePending";
    const request = await tx.closureRequest.create({ data: { caseId: target.id, requestedById: user.id, reason: parsed.data.reason }, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "closure.request", entity: "ClosureRequest", entityId: request.id, caseId: target.id, ip });
    return null;
  });
  if (refused) return { formError: refused };
  revalidatePath(`/cases/${code}`);
  return { ok: true };
}

/** A supervisor approves (the case closes) or returns the request with a comment. */
export async function decideClosureAction(code: string, requestId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "closure:approve");
  const target = await visibleCaseOr404(user, code);
  const parsed = closureDecisionSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const { decision, comment } = parsed.data;
  const ip = await clientIp();
  const refused = await db.$transaction(async (tx) => {
    const updated = await tx.closureRequest.updateMany({
      where: { id: requestId, caseId: target.id, status: "PENDING" },
      data: { status: decision === "approve" ? "APPROVED" : "RETURNED", decidedById: user.id, decidedAt: new Date(), comment: comment || null },
    });
    if (updated.count === 0) return "closureAlreadyDecided";
    if (decision === "approve") {
      await tx.case.update({ where: { id: target.id }, data: { status: "CLOSED", updatedById: user.id, version: { increment: 1 } } });
      await recordAudit(tx, { actorId: user.id, action: "case.update", entity: "Case", entityId: target.id, caseId: target.id, fields: ["status"], ip });
    }
    await recordAudit(tx, { actorId: user.id, action: decision === "approve" ? "closure.approve" : "closure.return", entity: "ClosureRequest", entityId: requestId, caseId: target.id, ip });
    return null;
  });
  if (refused) return { formError: refused };
  revalidatePath(`/cases/${code}`);
  forgetDashboardFigures();
  revalidatePath("/dashboard");
  return { ok: true };
}
