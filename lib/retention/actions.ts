"use server";
// An administrator's changes to the retention schedule, and a run started by
// hand. Each is audited; a stale rule form is refused, never overwritten.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { command } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import type { FormState } from "@/lib/forms";
import { conflictFrom } from "@/lib/locking";
import { KIND_RULES } from "./kinds";
import { retentionRuleSchema, retentionRunSchema } from "./schema";
import { startRetention } from "./run";

export async function setRetentionRuleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "retention:manage", schema: retentionRuleSchema }, async ({ user, input, audit }) => {
    const { kind, months, action, active, version } = input;
    if (!KIND_RULES[kind].actions.includes(action)) refuse("invalidChoice", "action");
    const minMonths = KIND_RULES[kind].minMonths;
    if (minMonths && months < minMonths) refuse("retentionTooShort", "months", { min: String(minMonths) });
    await db.$transaction(async (tx) => {
      const values = { months, action, active, updatedById: user.id };
      if (version === 0) {
        // First change from the default: the row must not exist yet.
        const created = await tx.retentionRule.createMany({ data: [{ kind, ...values }], skipDuplicates: true });
        if (created.count === 0) throw await conflictFrom(tx, await tx.retentionRule.findUniqueOrThrow({ where: { kind } }));
      } else {
        const updated = await tx.retentionRule.updateMany({ where: { kind, version }, data: { ...values, version: { increment: 1 } } });
        if (updated.count === 0) {
          const latest = await tx.retentionRule.findUnique({ where: { kind } });
          if (!latest) refuse("notFound");
          throw await conflictFrom(tx, latest);
        }
      }
      await audit(tx, { action: "retention.rule", entity: "RetentionRule", entityId: kind, fields: ["months", "action", "active"], detail: { months, action, active } });
    });
    revalidatePath("/admin/retention");
    return { ok: true };
  });
}

/** Starts a run now; the page follows it. Refused while another run is working. */
export async function runRetentionNowAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "retention:manage", schema: retentionRunSchema }, async ({ user, audit }) => {
    const started = await startRetention({ startedById: user.id });
    if (!started) refuse("retentionRunBusy");
    await db.$transaction((tx) => audit(tx, { action: "retention.run", entity: "RetentionRun", entityId: started.runId }));
    // Worked on after the answer (the page follows it); a failure is recorded on the run.
    void started.finished;
    revalidatePath("/admin/retention");
    return { ok: true };
  });
}
