"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { caseScope, supervisedTeams } from "@/lib/policy";
import { command } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";

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
  return command(formData, { permission: "case:reassign", schema: reassignSchema }, async ({ user, input, audit }) => {
    const { fromId, toId } = input;
    // The new assignee must be active staff of a team this supervisor oversees;
    // only the cases of that team move (a case stays in its team).
    const target = await db.user.findFirst({
      where: { id: toId, team: supervisedTeams(user), active: true, role: { in: ["CASEWORKER", "SUPERVISOR"] } },
      select: { id: true, teamId: true },
    });
    if (!target?.teamId) refuse("assigneeNotAllowed", "toId");
    const teamId = target.teamId;
    const moved = await db.$transaction(
      async (tx) => {
        const cases = await tx.case.findMany({ where: { AND: [caseScope(user), { teamId, caseworkerId: fromId, status: { not: "CLOSED" } }] }, select: { id: true } });
        for (const c of cases) {
          await tx.case.update({ where: { id: c.id }, data: { caseworkerId: toId, updatedById: user.id, version: { increment: 1 } } });
          await audit(tx, { action: "case.reassign", entity: "Case", entityId: c.id, caseId: c.id, fields: ["caseworkerId"], detail: { from: fromId, to: toId } });
        }
        return cases.length;
      },
      { timeout: 60_000 },
    );
    revalidatePath("/dashboard");
    return { ok: true, data: { count: String(moved) } };
  });
}
