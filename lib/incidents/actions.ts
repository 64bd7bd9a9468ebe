"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { toDbDate } from "@/lib/validation/dates";
import { incidentSchema } from "./schema";

/**
 * Records a threat, surveillance, a home visit by foreign officials or an
 * abduction attempt. In the same transaction: the case's sensitivity rises to
 * high (never lowered: a restricted case stays restricted) and every
 * supervisor of its team gets an in-app notice.
 */
export async function recordIncidentAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "incident:create");
  const target = await visibleCaseOr404(user, code);
  const parsed = incidentSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    const incident = await tx.protectionIncident.create({
      data: { caseId: target.id, occurredOn: toDbDate(input.occurredOn), kind: input.kind, severity: input.severity, description: input.description, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "incident.create", entity: "ProtectionIncident", entityId: incident.id, caseId: target.id, ip, detail: { kind: input.kind, severity: input.severity } });
    const raised = await tx.case.updateMany({
      where: { id: target.id, sensitivity: "STANDARD" },
      data: { sensitivity: "HIGH", updatedById: user.id, version: { increment: 1 } },
    });
    if (raised.count > 0) {
      await recordAudit(tx, { actorId: user.id, action: "case.update", entity: "Case", entityId: target.id, caseId: target.id, fields: ["sensitivity"], ip, detail: { reason: "protection incident" } });
    }
    const supervisors = await tx.user.findMany({ where: { role: "SUPERVISOR", active: true, OR: [{ teamId: target.teamId }, { organisationWide: true }] }, select: { id: true } });
    if (supervisors.length) {
      await tx.notification.createMany({ data: supervisors.map((s) => ({ userId: s.id, caseId: target.id, kind: "incident" })) });
    }
  });
  revalidatePath(`/cases/${code}`);
  return { ok: true };
}
