"use server";
// The court calendar an administrator keeps: each added or removed closure
// recounts the open deadlines in the same transaction, so no deadline is
// ever counted on a calendar that is no longer true.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { command } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { closureSchema, removeClosureSchema } from "./schema";
import { addClosure, removeClosure } from "./deadlines";

function done(recounted: number): FormState {
  revalidatePath("/admin/calendar");
  revalidatePath("/deadlines");
  return { ok: true, data: { recounted: String(recounted) } };
}

export async function addClosureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: closureSchema }, async ({ user, input, ip, audit }) => {
    const recounted = await db.$transaction(async (tx) => {
      const moved = await addClosure(tx, input, { actorId: user.id, ip });
      await audit(tx, { action: "settings.update", entity: "CourtClosure", entityId: input.date, fields: ["date", "kind", "name"], detail: { added: input.date, kind: input.kind, recounted: moved } });
      return moved;
    });
    return done(recounted);
  });
}

export async function removeClosureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: removeClosureSchema }, async ({ user, input, ip, audit }) => {
    const recounted = await db.$transaction(async (tx) => {
      const moved = await removeClosure(tx, input.date, { actorId: user.id, ip });
      await audit(tx, { action: "settings.update", entity: "CourtClosure", entityId: input.date, fields: ["date"], detail: { removed: input.date, recounted: moved } });
      return moved;
    });
    return done(recounted);
  });
}
