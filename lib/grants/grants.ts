import "server-only";
// Guests' access to a case: a supervisor grants an interpreter, a volunteer
// or a pro bono lawyer (a GUEST account of the case's team) some sections of
// one case for a window of whole Bangkok days, at most the deployment's
// grantMaxDays long. The window is enforced by the policy at every request
// (caseScope, sectionLimit); this module writes and lists the grants.
import { db } from "@/lib/db";
import type { AccessGrant, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import type { CaseAccess } from "@/lib/cases/access";
import { grantStandingFor, mayReceiveGrant, type Actor } from "@/lib/policy";
import { refuse } from "@/lib/refusal";
import { addCalendarDays, calendarDaysBetween, startOfBangkokDay, todayInBangkok } from "@/lib/dates";
import type { GrantInput } from "./schema";
import { DEFAULT_GRANT_MAX_DAYS } from "./limits";

export async function grantMaxDays(): Promise<number> {
  return (await db.securitySetting.findUnique({ where: { id: 1 }, select: { grantMaxDays: true } }))?.grantMaxDays ?? DEFAULT_GRANT_MAX_DAYS;
}

export async function grantAccess(access: CaseAccess, input: GrantInput, ip: string | null) {
  const guest = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, teamId: true, active: true } });
  if (!guest || !mayReceiveGrant(guest, access.teamId)) refuse("invalidChoice", "userId");
  if (input.startsOn < todayInBangkok()) refuse("grantStartsInPast", "startsOn");
  const maxDays = await grantMaxDays();
  const days = calendarDaysBetween(input.startsOn, input.endsOn) + 1;
  if (days > maxDays) refuse("grantTooLong", "endsOn", { max: String(maxDays) });
  return db.$transaction(async (tx) => {
    const grant = await tx.accessGrant.create({
      data: {
        caseId: access.caseId,
        userId: guest.id,
        sections: input.sections,
        // From the start of the first day to the end of the last, in Bangkok.
        startsAt: startOfBangkokDay(input.startsOn),
        endsAt: startOfBangkokDay(addCalendarDays(input.endsOn, 1)),
        reason: input.reason,
        grantedById: access.actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: access.actor.id,
      action: "grant.create",
      entity: "AccessGrant",
      entityId: grant.id,
      caseId: access.caseId,
      ip,
      fields: input.sections,
      detail: { userId: guest.id, startsOn: input.startsOn, endsOn: input.endsOn, days },
    });
    return grant;
  });
}

/** Ends a grant now (it stays listed, as revoked). */
export async function revokeGrant(access: CaseAccess, grantId: string, ip: string | null) {
  await db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.accessGrant.updateMany({ where: { id: grantId, caseId: access.caseId, revokedAt: null, endsAt: { gt: now } }, data: { revokedAt: now, revokedById: access.actor.id } });
    if (updated.count === 0) refuse("grantNotStanding");
    await recordAudit(tx, { actorId: access.actor.id, action: "grant.revoke", entity: "AccessGrant", entityId: grantId, caseId: access.caseId, ip });
  });
}

/** What a case file reads of its grants: every one, newest first. */
export const CASE_GRANTS = { orderBy: { grantedAt: "desc" } } satisfies Prisma.Case$accessGrantsArgs;

/** A case's grants with names and whether each stands now. */
export function namedGrants(rows: AccessGrant[], names: Map<string, string>, now = new Date()) {
  return rows.map((r) => ({
    ...r,
    guest: names.get(r.userId) ?? "?",
    grantedBy: names.get(r.grantedById) ?? "?",
    revokedBy: r.revokedById ? (names.get(r.revokedById) ?? "?") : null,
    state: r.revokedAt ? ("revoked" as const) : r.endsAt <= now ? ("ended" as const) : r.startsAt > now ? ("upcoming" as const) : ("standing" as const),
  }));
}

/** The people a case's grants name: the guests and the staff who granted and revoked. */
export const grantPeople = (rows: AccessGrant[]) => rows.flatMap((r) => [r.userId, r.grantedById, r.revokedById]);

/** What the grant form offers: the case team's active guest accounts, by name. */
export const GRANT_GUESTS = { where: { role: "GUEST", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } } satisfies Prisma.Team$usersArgs;

/** The sections a guest's standing grants open on a case (read by the case gate). */
export function standingGrantSections(actor: Actor, caseId: string) {
  return db.accessGrant.findMany({ where: { caseId, ...grantStandingFor(actor.id) }, select: { id: true, sections: true } });
}
