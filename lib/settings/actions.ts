"use server";
// Reference settings an administrator keeps: deadline periods, detention
// facilities, exchange rates, resettlement programmes, courts and partners,
// and the names of each in every interface language. Each change is audited
// with the setting it touched.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { command } from "@/lib/commands";
import { refuse } from "@/lib/refusal";
import { formDataToObject, type FormState } from "@/lib/forms";
import { deadlineRules } from "@/lib/workflows";
import { namesFromForm } from "@/lib/reference/names";
import { courtSchema, deadlinePeriodSchema, exchangeRateSchema, facilitySchema, partnerSchema, programmeSchema, referenceNamesSchema } from "./schema";

function done(): FormState {
  revalidatePath("/admin/settings");
  return { ok: true };
}

export async function setDeadlinePeriodAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: deadlinePeriodSchema }, async ({ user, input, audit }) => {
    const rule = deadlineRules().find((r) => r.key === input.ruleKey);
    if (!rule) refuse("notFound");
    // Renewal reminders count back from an expiry; every other period counts forward.
    if (Math.sign(input.amount) !== Math.sign(rule.period.amount)) refuse("invalidPeriod", "amount");
    const { ruleKey, amount, unit } = input;
    await db.$transaction(async (tx) => {
      await tx.deadlineSetting.upsert({ where: { ruleKey }, create: { ruleKey, amount, unit, updatedById: user.id }, update: { amount, unit, updatedById: user.id } });
      await audit(tx, { action: "settings.update", entity: "DeadlineSetting", entityId: ruleKey, fields: ["amount", "unit"], detail: { amount, unit } });
    });
    return done();
  });
}

export async function addFacilityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: facilitySchema }, async ({ user, input, audit }) => {
    if (await db.facility.findUnique({ where: { name: input.name } })) refuse("alreadyExists", "name");
    await db.$transaction(async (tx) => {
      const facility = await tx.facility.create({ data: input, select: { id: true } });
      await audit(tx, { action: "settings.update", entity: "Facility", entityId: facility.id, fields: ["name", "kind"] });
    });
    return done();
  });
}

export async function setExchangeRateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: exchangeRateSchema }, async ({ user, input, audit }) => {
    const { currency, perUsd } = input;
    await db.$transaction(async (tx) => {
      await tx.exchangeRate.upsert({ where: { currency }, create: { currency, perUsd, updatedById: user.id }, update: { perUsd, updatedById: user.id } });
      await audit(tx, { action: "settings.update", entity: "ExchangeRate", entityId: currency, fields: ["perUsd"], detail: { perUsd } });
    });
    return done();
  });
}

export async function addProgrammeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: programmeSchema }, async ({ user, input, audit }) => {
    if (await db.programme.findUnique({ where: { name: input.name } })) refuse("alreadyExists", "name");
    await db.$transaction(async (tx) => {
      const programme = await tx.programme.create({ data: input, select: { id: true } });
      await audit(tx, { action: "settings.update", entity: "Programme", entityId: programme.id, fields: ["name", "country"] });
    });
    return done();
  });
}

export async function addCourtAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: courtSchema }, async ({ user, input, audit }) => {
    if (await db.court.findUnique({ where: { name: input.name } })) refuse("alreadyExists", "name");
    await db.$transaction(async (tx) => {
      const court = await tx.court.create({ data: input, select: { id: true } });
      await audit(tx, { action: "settings.update", entity: "Court", entityId: court.id, fields: ["name"] });
    });
    return done();
  });
}

export async function addPartnerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const read = (form: FormData) => formDataToObject(form, (name) => name === "services");
  return command(formData, { permission: "settings:manage", schema: partnerSchema, read }, async ({ user, input, audit }) => {
    if (await db.partner.findUnique({ where: { name: input.name } })) refuse("alreadyExists", "name");
    if (input.teamId && !(await db.team.findUnique({ where: { id: input.teamId } }))) refuse("invalidChoice", "teamId");
    await db.$transaction(async (tx) => {
      const partner = await tx.partner.create({ data: input, select: { id: true } });
      await audit(tx, { action: "settings.update", entity: "Partner", entityId: partner.id, fields: ["name", "services", "teamId"] });
    });
    return done();
  });
}

const ENTITY_OF = { facility: "Facility", court: "Court", programme: "Programme", partner: "Partner" } as const;

/** A reference row's names in the other interface languages; refused if another administrator changed them since the form was drawn. */
export async function setReferenceNamesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return command(formData, { permission: "settings:manage", schema: referenceNamesSchema }, async ({ input, audit }) => {
    const names = namesFromForm(input);
    const where = { id: input.id, names: { equals: input.previous } };
    await db.$transaction(async (tx) => {
      // One statement each, so the comparison with what the form saw and the write are one step.
      const { count } =
        input.kind === "facility"
          ? await tx.facility.updateMany({ where, data: { names } })
          : input.kind === "court"
            ? await tx.court.updateMany({ where, data: { names } })
            : input.kind === "programme"
              ? await tx.programme.updateMany({ where, data: { names } })
              : await tx.partner.updateMany({ where, data: { names } });
      if (count === 0) refuse("namesChanged");
      await audit(tx, { action: "settings.update", entity: ENTITY_OF[input.kind], entityId: input.id, fields: ["names"], detail: { languages: Object.keys(names) } });
    });
    return done();
  });
}
