import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
// Referrals of a case to partner organisations and services. What a partner
// receives is fixed when the referral is sent (`shared`: the chosen summary
// sections, pseudonymised unless names were chosen), so later edits to the
// case never reach them.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, caseScope, incomingReferralScope, mayAnswerReferral, referralScope, type Actor } from "@/lib/policy";
import type { CaseAccess } from "@/lib/cases/access";
import { refuse } from "@/lib/refusal";
import { isUuid } from "@/lib/validation/ids";
import { loadCaseSummary, type CaseSummary } from "@/lib/summaries/case-summary";
import { conflictFrom } from "@/lib/locking";
import { standingConsent } from "@/lib/consent/consents";
import { NEXT_STATUSES, type ReferralInput, type ReferralStatus } from "./schema";


export async function createReferral(access: CaseAccess, input: ReferralInput, ip: string | null) {
  const { actor, caseId } = access;
  // Without consent only a supervisor may send, and says why.
  if (input.overrideReason && !can(actor, "referral:override")) refuse("consentRequired", "consentId");
  const partner = await db.partner.findFirst({ where: { id: input.partnerId, active: true }, select: { id: true, services: true, teamId: true } });
  if (!partner) refuse("invalidChoice", "partnerId");
  if (!partner.services.includes(input.service)) refuse("serviceNotOffered", "service");
  const shared = await loadCaseSummary(access, { sections: input.sections, identifying: input.identifying, purpose: input.reason });
  return db.$transaction(async (tx) => {
    if (input.consentId) {
      // Locked while the referral is made: a withdrawal waits for it (and then withdraws it too), or wins and refuses it.
      await tx.$queryRaw`select 1 from "Consent" where id = ${input.consentId}::uuid for update`;
      if (!(await standingConsent(tx, caseId, input.consentId, ["REFERRAL"], partner.id))) refuse("consentNotStanding", "consentId");
    }
    const referral = await tx.referral.create({
      data: {
        caseId,
        partnerId: partner.id,
        service: input.service,
        reason: input.reason!,
        sections: input.sections,
        identifying: input.identifying,
        consentId: input.consentId,
        overrideReason: input.overrideReason,
        overrideById: input.overrideReason ? actor.id : null,
        shared: JSON.parse(JSON.stringify(shared)),
        createdById: actor.id,
      },
      select: { id: true },
    });
    const common = { actorId: actor.id, entity: "Referral", entityId: referral.id, caseId, ip, fields: input.sections };
    await recordAudit(tx, {
      ...common,
      action: "referral.create",
      detail: { service: input.service, partnerId: partner.id, inDeployment: partner.teamId !== null, identifying: input.identifying, consent: input.overrideReason === null },
    });
    // The override is its own audit entry, so supervisors' overrides can be listed.
    if (input.overrideReason) await recordAudit(tx, { ...common, action: "referral.override", detail: { service: input.service } });
    return referral;
  });
}

// What every view of a referral shows.
const REFERRAL_FIELDS = {
  id: true,
      service: true,
      status: true,
      reason: true,
      identifying: true,
      consent: { select: { givenOn: true, method: true, interpreterLanguage: true, withdrawnOn: true } },
      overrideReason: true,
      statusNote: true,
      statusAt: true,
      sharedRemovedAt: true,
      sharedRemovedBecause: true,
      createdAt: true,
      version: true,
  partner: { select: { name: true, names: true, teamId: true } },
} satisfies Prisma.ReferralSelect;

/** The referrals of one case, newest first. */
export function caseReferrals(access: CaseAccess) {
  return db.referral.findMany({
    where: { caseId: access.caseId },
    orderBy: { createdAt: "desc" },
    select: { ...REFERRAL_FIELDS, sections: true },
  });
}
export type CaseReferral = Awaited<ReturnType<typeof caseReferrals>>[number];

export function activePartners() {
  return db.partner.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, names: true, services: true, teamId: true } });
}

/** Referrals addressed to the actor's team(s) as a partner. */
export function incomingReferrals(actor: Actor) {
  return db.referral.findMany({
    where: incomingReferralScope(actor),
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    select: { id: true, service: true, status: true, createdAt: true, sharedRemovedAt: true, sharedRemovedBecause: true, partner: { select: { name: true, names: true } }, case: { select: { team: { select: { name: true } } } } },
  });
}

/**
 * One referral as the actor may see it: the sending side (who may see the
 * case) or the receiving team. Null otherwise, so pages answer 404.
 */
export async function visibleReferral(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  const referral = await db.referral.findFirst({
    where: { AND: [{ id }, referralScope(actor)] },
    select: { ...REFERRAL_FIELDS, caseId: true, shared: true, case: { select: { code: true, team: { select: { name: true } } } } },
  });
  if (!referral) return null;
  // Which side the actor is on: the sending team (may see the case and refer) or the receiving partner team.
  const [sender, receiver] = await Promise.all([
    can(actor, "referral:create") ? db.case.count({ where: { AND: [{ id: referral.caseId }, caseScope(actor)] } }).then((n) => n === 1) : false,
    referral.partner.teamId !== null ? db.referral.count({ where: { AND: [{ id }, incomingReferralScope(actor)] } }).then((n) => n === 1) : false,
  ]);
  // Consent withdrawn or the retention period over: nothing that was shared is shown any more, to either side.
  if (referral.sharedRemovedAt) return { ...referral, shared: null, sender, receiver };
  const shared = revive(referral.shared);
  // A pseudonymised referral names no case: the partner gets the referral's own reference, not the internal code.
  return { ...referral, shared: referral.identifying ? shared : { ...shared, code: referralReference(referral.id) }, sender, receiver };
}

/** A referral opened on its page: what `visibleReferral` gives, with the view audited. */
export async function openReferral(actor: Actor, id: string, ip: string | null) {
  const referral = await visibleReferral(actor, id);
  if (referral) {
    await recordAudit(db, { actorId: actor.id, action: "referral.view", entity: "Referral", entityId: referral.id, caseId: referral.caseId, ip, detail: { as: referral.sender ? "sender" : "partner" } });
  }
  return referral;
}

/** How a referral is named to the partner when it carries no names: its own reference, never the case code. */
export function referralReference(id: string): string {
  return `REF-${id.slice(0, 8).toUpperCase()}`;
}

/** JSON keeps dates as strings: hearings' start times become dates again for display. */
function revive(shared: unknown): CaseSummary {
  const summary = shared as CaseSummary;
  return { ...summary, hearings: summary.hearings?.map((h) => ({ ...h, startsAt: new Date(h.startsAt) })) ?? null };
}

export type VisibleReferral = NonNullable<Awaited<ReturnType<typeof visibleReferral>>>;

/**
 * Who records the partner's answer: a partner in this deployment answers
 * for itself (the receiving team); for anyone else the sending team records
 * what the partner said.
 */
export function mayAnswer(referral: VisibleReferral): boolean {
  return mayAnswerReferral({ partnerInDeployment: referral.partner.teamId !== null, sender: referral.sender, receiver: referral.receiver });
}

/** Records the answer. Moves follow NEXT_STATUSES; a stale version is a conflict. The caller has checked `mayAnswer`. */
export async function updateReferralStatus(actor: Actor, referral: VisibleReferral, change: { version: number; status: ReferralStatus; note: string | null }, ip: string | null) {
  if (!NEXT_STATUSES[referral.status].includes(change.status)) refuse("invalidReferralStatus", "status");
  await db.$transaction(async (tx) => {
    const updated = await tx.referral.updateMany({
      where: { id: referral.id, version: change.version },
      data: { status: change.status, statusNote: change.note, statusById: actor.id, statusAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const latest = await tx.referral.findUniqueOrThrow({ where: { id: referral.id }, select: { statusAt: true, updatedAt: true, statusById: true } });
      throw await conflictFrom(tx, { updatedAt: latest.statusAt ?? latest.updatedAt, updatedById: latest.statusById });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "referral.status",
      entity: "Referral",
      entityId: referral.id,
      caseId: referral.caseId,
      ip,
      fields: ["status"],
      detail: { from: referral.status, to: change.status, by: referral.partner.teamId ? "partner" : "sender" },
    });
  });
}


/** Records that a copy of the referral's PDF was made, and for which side. */
export async function auditReferralPdf(actor: Actor, referral: VisibleReferral, ip: string | null) {
  await recordAudit(db, {
    actorId: actor.id,
    action: "referral.pdf",
    entity: "Referral",
    entityId: referral.id,
    caseId: referral.caseId,
    ip,
    detail: { identifying: referral.identifying, as: referral.sender ? "sender" : "partner" },
  });
}
