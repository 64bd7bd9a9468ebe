import "server-only";
// Consent per person and purpose: recorded, shown as a history on the case,
// and withdrawn. What rests on a consent asks `standingConsent` at the
// moment it acts (a referral being sent, a summary with names being made),
// so a withdrawal takes effect at once. Withdrawing also stops every
// referral sent under the consent from showing what it shared, in the same
// transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CaseAccess } from "@/lib/cases/access";
import { refuse } from "@/lib/refusal";
import { conflictFrom } from "@/lib/locking";
import { dbDate, todayInBangkok } from "@/lib/dates";
import type { ConsentPurpose, RecordConsentInput, WithdrawConsentInput } from "./schema";
import { staffNames } from "@/lib/users/names";

/** A consent that stands on `day`: given by then, not withdrawn, and not past its end. */
export function standingOn(day: string = todayInBangkok()): Prisma.ConsentWhereInput {
  const date = dbDate(day);
  return { withdrawnAt: null, givenOn: { lte: date }, OR: [{ validUntil: null }, { validUntil: { gte: date } }] };
}

/**
 * The consent, if it stands today, belongs to the case and is for one of
 * the purposes (and, for a referral, the partner). Null otherwise.
 */
export function standingConsent(tx: Pick<Tx, "consent">, caseId: string, consentId: string, purposes: readonly ConsentPurpose[], partnerId?: string) {
  return tx.consent.findFirst({
    where: { AND: [{ id: consentId, caseId, purpose: { in: [...purposes] } }, partnerId ? { partnerId } : {}, standingOn()] },
    select: { id: true, purpose: true, partnerId: true, personId: true },
  });
}

const CONSENT_VIEW = {
  id: true,
  purpose: true,
  method: true,
  interpreter: true,
  interpreterLanguage: true,
  givenOn: true,
  validUntil: true,
  note: true,
  recordedAt: true,
  withdrawnOn: true,
  withdrawnAt: true,
  withdrawalNote: true,
  version: true,
  person: { select: { id: true, latinName: true } },
  partner: { select: { id: true, name: true, names: true } },
  _count: { select: { referrals: true } },
} satisfies Prisma.ConsentSelect;

/** Every consent of the case, newest first, with who recorded and withdrew it. */
export async function caseConsents(access: CaseAccess) {
  const rows = await db.consent.findMany({ where: { caseId: access.caseId }, orderBy: [{ givenOn: "desc" }, { recordedAt: "desc" }], select: { ...CONSENT_VIEW, recordedById: true, withdrawnById: true } });
  const staff = await staffNames(rows.flatMap((r) => [r.recordedById, r.withdrawnById]));
  const today = dbDate(todayInBangkok());
  return rows.map(({ recordedById, withdrawnById, ...row }) => ({
    ...row,
    recordedBy: staff.get(recordedById) ?? null,
    withdrawnBy: withdrawnById ? (staff.get(withdrawnById) ?? null) : null,
    state: row.withdrawnAt ? ("withdrawn" as const) : row.validUntil && row.validUntil < today ? ("expired" as const) : row.givenOn > today ? ("future" as const) : ("standing" as const),
  }));
}
export type CaseConsent = Awaited<ReturnType<typeof caseConsents>>[number];

/** The case's standing consents for some purposes: what a referral or a summary with names may rest on. */
export function standingConsents(access: CaseAccess, purposes: readonly ConsentPurpose[]) {
  return db.consent.findMany({
    where: { AND: [{ caseId: access.caseId, purpose: { in: [...purposes] } }, standingOn()] },
    orderBy: { givenOn: "desc" },
    select: { id: true, purpose: true, givenOn: true, validUntil: true, person: { select: { latinName: true } }, partner: { select: { id: true, name: true, names: true } } },
  });
}
export type StandingConsent = Awaited<ReturnType<typeof standingConsents>>[number];

export async function recordConsent(access: CaseAccess, input: RecordConsentInput, ip: string | null) {
  const person = await db.person.findFirst({ where: { id: input.personId, caseId: access.caseId }, select: { id: true } });
  if (!person) refuse("invalidChoice", "personId");
  if (input.partnerId && !(await db.partner.findFirst({ where: { id: input.partnerId, active: true }, select: { id: true } }))) refuse("invalidChoice", "partnerId");
  return db.$transaction(async (tx) => {
    const consent = await tx.consent.create({
      data: {
        caseId: access.caseId,
        personId: person.id,
        purpose: input.purpose,
        partnerId: input.partnerId,
        method: input.method,
        interpreter: input.method === "VERBAL_INTERPRETED" ? input.interpreter : null,
        interpreterLanguage: input.method === "VERBAL_INTERPRETED" ? input.interpreterLanguage : null,
        givenOn: dbDate(input.givenOn),
        validUntil: dbDate(input.validUntil),
        recordedById: access.actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: access.actor.id,
      action: "consent.record",
      entity: "Consent",
      entityId: consent.id,
      caseId: access.caseId,
      ip,
      detail: { purpose: input.purpose, method: input.method, personId: person.id },
      occurredOn: input.givenOn,
    });
    return consent;
  });
}

/** Withdraws a standing consent; referrals sent under it stop showing what they shared. Returns how many referrals that was. */
export async function withdrawConsent(access: CaseAccess, consentId: string, input: WithdrawConsentInput, ip: string | null) {
  return db.$transaction(async (tx) => {
    const consent = await tx.consent.findFirst({ where: { id: consentId, caseId: access.caseId }, select: { givenOn: true, withdrawnAt: true, updatedAt: true, updatedById: true, recordedById: true } });
    if (!consent) refuse("notFound");
    if (consent.withdrawnAt) refuse("consentAlreadyWithdrawn");
    if (dbDate(input.withdrawnOn) < consent.givenOn) refuse("consentWithdrawnBeforeGiven", "withdrawnOn");
    const now = new Date();
    const updated = await tx.consent.updateMany({
      where: { id: consentId, version: input.version, withdrawnAt: null },
      data: { withdrawnOn: dbDate(input.withdrawnOn), withdrawnAt: now, withdrawnById: access.actor.id, withdrawalNote: input.note, updatedById: access.actor.id, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictFrom(tx, { updatedAt: consent.updatedAt, updatedById: consent.updatedById ?? consent.recordedById });
    // What partners received under it: no longer shown, to them or anyone.
    const referrals = await tx.referral.updateMany({
      where: { consentId, sharedRemovedAt: null },
      data: { shared: {}, sharedRemovedAt: now, sharedRemovedBecause: "consentWithdrawn", version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: access.actor.id,
      action: "consent.withdraw",
      entity: "Consent",
      entityId: consentId,
      caseId: access.caseId,
      ip,
      detail: { referralsWithdrawn: referrals.count },
      occurredOn: input.withdrawnOn,
    });
    return { referrals: referrals.count };
  });
}
