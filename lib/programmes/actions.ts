"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { command } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { resumeProgramme, suspendProgramme } from "./suspension";

// Holding people's resettlements needs a reason: it goes into each case's note and stage history.
const holdSchema = z.object({
  reason: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "reasonRequired" }).min(5, { error: "reasonRequired" }).max(500, { error: "tooLong" })),
});

async function change(programmeId: string, formData: FormData, work: typeof suspendProgramme | typeof resumeProgramme): Promise<FormState> {
  return command(formData, { permission: "programme:suspend", schema: holdSchema, ids: [programmeId] }, async ({ user, ip, input }) => {
    const result = await db.$transaction((tx) => work(tx, programmeId, { actor: user, ip, reason: input.reason }), { timeout: 60_000 });
    revalidatePath("/dashboard");
    revalidatePath("/admin/settings");
    return { ok: true, data: { count: String(result.count) } };
  });
}

export async function suspendProgrammeAction(programmeId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return change(programmeId, formData, suspendProgramme);
}

export async function resumeProgrammeAction(programmeId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return change(programmeId, formData, resumeProgramme);
}
