"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan, caseScope } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";

const reassignSchema = z
  .object({
    fromId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
    toId: z.string({ error: "invalidChoice" }).uuid({ error: "invalidChoice" }),
  })
  .refine((v) => v.fromId !== v.toId, { path: ["toId"], message: "sameAssignee" });

/**
 * Moves every open case of one caseworker to another (e.g. when someone
 * leaves), in one transaction with an audit row per case.
 */
export async function bulkReassignAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "case:reassign");
  const parsed = reassignSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const { fromId, toId } = parsed.data;
  const target = await db.user.findFirst({ where: { id: toId, teamId: user.teamId ?? "", active: true, role: { in: ["CASEWORKER", "SUPERVISOR"] } }, select: { id: true } });
  if (!user.teamId || !target) return { fieldErrors: { toId: "assigneeNotAllowed" } };
  const ip = await clientIp();
  const moved = await db.$transaction(async (tx) => {
    const cases = await tx.case.findMany({
      where: { AND: [caseScope(user), { teamId: user.teamId!, caseworkerId: fromId, status: { not: "CLOSED" } }] },
      select: { id: true },
    });
    for (const c of cases) {
      await tx.case.update({ where: { id: c.id }, data: { caseworkerId: toId, updatedById: user.id, version: { increment: 1 } } });
      await recordAudit(tx, { actorId: user.id, action: "case.reassign", entity: "Case", entityId: c.id, caseId: c.id, fields: ["caseworkerId"], ip, detail: { from: fromId, to: toId } });
    }
    return cases.length;
  }, { timeout: 60_000 });
  revalidatePath("/dashboard");
  return { ok: true, data: { count: String(moved) } };
}
