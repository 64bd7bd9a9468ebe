"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { forgetDashboardFigures } from "@/lib/dashboard/figures";
import { db } from "@/lib/db";
import { command } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { resumeProgramme, suspendProgramme } from "./suspension";

const noFields = z.object({});

async function change(programmeId: string, formData: FormData, work: typeof suspendProgramme | typeof resumeProgramme): Promise<FormState> {
  return command(formData, { permission: "programme:suspend", schema: noFields, ids: [programmeId] }, async ({ user, ip }) => {
    const result = await db.$transaction((tx) => work(tx, programmeId, { actorId: user.id, ip }), { timeout: 60_000 });
    forgetDashboardFigures();
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
