"use server";
// Reference settings an administrator keeps: deadline periods, detention
// facilities, exchange rates and resettlement programmes. Each change is
// audited with the setting it touched.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { deadlineRules } from "@/lib/workflows";
import { courtSchema, deadlinePeriodSchema, exchangeRateSchema, facilitySchema, partnerSchema, programmeSchema } from "./schema";

async function administrator() {
  const user = await requireUser();
  assertCan(user, "settings:manage");
  return { user, ip: await clientIp() };
}

function done(): FormState {
  revalidatePath("/admin/settings");
  return { ok: true };
}

export async function setDeadlinePeriodAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, ip } = await administrator();
  const parsed = deadlinePeriodSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const rule = deadlineRules().find((r) => r.key === parsed.data.ruleKey);
  if (!rule) return { formError: "notFound" };
  // Renewal reminders count back from an expiry; every other period counts forward.
  if (Math.sign(parsed.data.amount) !== Math.sign(rule.period.amount)) return { fieldErrors: { amount: "invalidPeriod" } };
  const { ruleKey, amount, unit } = parsed.data;
  await db.$transaction(async (tx) => {
    await tx.deadlineSetting.upsert({ where: { ruleKey }, create: { ruleKey, amount, unit, updatedById: user.id }, update: { amount, unit, updatedById: user.id } });
    await recordAudit(tx, { actorId: user.id, action: "settings.update", entity: "DeadlineSetting", entityId: ruleKey, fields: ["amount", "unit"], ip, detail: { amount, unit } });
  });
  return done();
}

export async function addFacilityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, ip } = await administrator();
  const parsed = facilitySchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  if (await db.facility.findUnique({ where: { name: parsed.data.name } })) return { fieldErrors: { name: "alreadyExists" } };
  await db.$transaction(async (tx) => {
    const facility = await tx.facility.create({ data: parsed.data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "settings.update", entity: "Facility", entityId: facility.id, fields: ["name", "kind"], ip });
  });
  return done();
}

export async function setExchangeRateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, ip } = await administrator();
  const parsed = exchangeRateSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const { currency, perUsd } = parsed.data;
  await db.$transaction(async (tx) => {
    await tx.exchangeRate.upsert({ where: { currency }, create: { currency, perUsd, updatedById: user.id }, update: { perUsd, updatedById: user.id } });
    await recordAudit(tx, { actorId: user.id, action: "settings.update", entity: "ExchangeRate", entityId: currency, fields: ["perUsd"], ip, detail: { perUsd } });
  });
  return done();
}

export async function addProgrammeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, ip } = await administrator();
  const parsed = programmeSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  if (await db.programme.findUnique({ where: { name: parsed.data.name } })) return { fieldErrors: { name: "alreadyExists" } };
  await db.$transaction(async (tx) => {
    const programme = await tx.programme.create({ data: parsed.data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "settings.update", entity: "Programme", entityId: programme.id, fields: ["name", "country"], ip });
  });
  return done();
}

export async function addCourtAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, ip } = await administrator();
  const parsed = courtSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  if (await db.court.findUnique({ where: { name: parsed.data.name } })) return { fieldErrors: { name: "alreadyExists" } };
  await db.$transaction(async (tx) => {
    const court = await tx.court.create({ data: parsed.data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "settings.update", entity: "Court", entityId: court.id, fields: ["name"], ip });
  });
  return done();
}

export async function addPartnerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, ip } = await administrator();
  const parsed = partnerSchema.safeParse(formDataToObject(formData, (name) => name === "services"));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  if (await db.partner.findUnique({ where: { name: parsed.data.name } })) return { fieldErrors: { name: "alreadyExists" } };
  if (parsed.data.teamId && !(await db.team.findUnique({ where: { id: parsed.data.teamId } }))) return { fieldErrors: { teamId: "invalidChoice" } };
  await db.$transaction(async (tx) => {
    const partner = await tx.partner.create({ data: parsed.data, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: "settings.update", entity: "Partner", entityId: partner.id, fields: ["name", "services", "teamId"], ip });
  });
  return done();
}
