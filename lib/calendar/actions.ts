"use server";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/request-context";
import type { FormState } from "@/lib/forms";
import { hashCalendarToken, newCalendarToken } from "./token";

/** Makes a new secret feed address; the old one stops working at once. The address is shown once. */
export async function regenerateCalendarTokenAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const token = newCalendarToken();
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { calendarTokenHash: hashCalendarToken(token) } });
    await recordAudit(tx, { actorId: user.id, action: "calendar.token", entity: "User", entityId: user.id, fields: ["calendarTokenHash"], ip });
  });
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return { ok: true, data: { url: `${protocol}://${host}/api/calendar/${token}.ics` } };
}
