"use server";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import { notifySupervisors } from "@/lib/notifications/notify";
import type { FormState } from "@/lib/forms";
import { incidentSchema } from "./schema";
import { dbDate } from "@/lib/dates";

/**
 * Records a threat, surveillance, a home visit by foreign officials or an
 * abduction attempt. In the same transaction: the case's sensitivity rises to
 * high (never lowered: a restricted case stays restricted) and every
 * supervisor of its team gets an in-app notice.
 */
export async function recordIncidentAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "incident:create", schema: incidentSchema }, async ({ access, input, audit }) => {
    const user = access.actor;
    await db.$transaction(async (tx) => {
      const incident = await tx.protectionIncident.create({
        data: { caseId: access.caseId, occurredOn: dbDate(input.occurredOn), kind: input.kind, severity: input.severity, description: input.description, createdById: user.id },
        select: { id: true },
      });
      await audit(tx, { action: "incident.create", entity: "ProtectionIncident", entityId: incident.id, detail: { kind: input.kind, severity: input.severity }, occurredOn: input.occurredOn });
      const raised = await tx.case.updateMany({
        where: { id: access.caseId, sensitivity: "STANDARD" },
        data: { sensitivity: "HIGH", updatedById: user.id, version: { increment: 1 } },
      });
      if (raised.count > 0) {
        await audit(tx, { action: "case.update", entity: "Case", entityId: access.caseId, fields: ["sensitivity"], detail: { reason: "protection incident" } });
      }
      await notifySupervisors(tx, access.teamId, access.caseId, "incident");
    });
  });
}
