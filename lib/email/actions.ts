"use server";
// An administrator sends a failed or cancelled e-mail again (audited).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { command } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import type { FormState } from "@/lib/forms";
import { z } from "@/lib/zod";
import { retryMessage } from "./send";

export async function retryOutboxMessageAction(id: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "outbox:manage", schema: z.object({}), ids: [id] }, async ({ audit }) => {
    await db.$transaction(async (tx) => {
      if (!(await retryMessage(tx, id))) refuse("outboxNotRetryable");
      await audit(tx, { action: "outbox.retry", entity: "OutboxMessage", entityId: id });
    });
    revalidatePath("/admin/outbox");
    return { ok: true };
  });
}
