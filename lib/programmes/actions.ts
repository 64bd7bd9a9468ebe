"use server";
import { revalidatePath } from "next/cache";
import { forgetDashboardFigures } from "@/lib/dashboard/figures";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { clientIp } from "@/lib/request-context";
import type { FormState } from "@/lib/forms";
import { ProgrammeStateError, resumeProgramme, suspendProgramme } from "./suspension";

async function change(programmeId: string, work: typeof suspendProgramme | typeof resumeProgramme): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "programme:suspend");
  const ip = await clientIp();
  try {
    const result = await db.$transaction((tx) => work(tx, programmeId, { actorId: user.id, ip }), { timeout: 60_000 });
    forgetDashboardFigures();
    revalidatePath("/dashboard");
    revalidatePath("/admin/settings");
    return { ok: true, data: { count: String(result.count) } };
  } catch (error) {
    if (error instanceof ProgrammeStateError) return { formError: error.message };
    throw error;
  }
}

export async function suspendProgrammeAction(programmeId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return change(programmeId, suspendProgramme);
}

export async function resumeProgrammeAction(programmeId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return change(programmeId, resumeProgramme);
}
