import "server-only";
// Signed-in sessions, checked on every request. A session ends when its
// user signs out, after WAYPOINT_IDLE_MINUTES (default 30) without a request
// or a keep-alive from an open page, after WAYPOINT_SESSION_HOURS (default
// 12) whatever happens, and at once when an administrator deactivates the
// user or the password changes.
import { Prisma, type EmailReminders, type Role } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { noticeVisibleSql } from "@/lib/policy";
import { recordAudit } from "@/lib/audit";

export const IDLE_MINUTES = Number(process.env.WAYPOINT_IDLE_MINUTES ?? 30);
export const LIFETIME_HOURS = Number(process.env.WAYPOINT_SESSION_HOURS ?? 12);
// lastSeenAt is written at most this often per session, not on every request.
const TOUCH_EVERY_MS = 60_000;

export type SessionEnd = "signed-out" | "idle" | "expired" | "deactivated" | "password-changed";

export async function startSession(tx: Tx, userId: string, ip: string | null): Promise<string> {
  const session = await tx.session.create({ data: { userId, ip }, select: { id: true } });
  return session.id;
}

/** The signed-in user as every request needs them. */
export type SessionUser = {
  id: string;
  role: Role;
  teamId: string | null;
  organisationWide: boolean;
  name: string;
  email: string;
  locale: string;
  active: boolean;
  totpEnabledAt: Date | null;
  team: { name: string } | null;
  /** The account page's settings, read with the session rather than by a query of their own: whether a calendar feed address was made (only its hash is kept), and how reminders come by e-mail. */
  settings: { hasCalendarLink: boolean; emailReminders: EmailReminders };
};

/** What the one query reads: the session, its user's columns (the account page's settings among them), their team's name and the security settings (the authenticator requirement, the longest access grant). */
type SessionRow = Omit<SessionUser, "id" | "team" | "settings"> & {
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  teamName: string | null;
  totpRequiredFor: Role[] | null;
  grantMaxDays: number | null;
  unreadNotices: number;
  hasCalendarLink: boolean;
  emailReminders: EmailReminders;
};

// The header's count of unread notices, of cases the user may still see (notificationScope).
const UNREAD_VISIBLE = Prisma.raw(noticeVisibleSql("u", "n"));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session's user if the session is still good, else why it is not, the
 * roles that must use an authenticator app, the longest access grant
 * (null: not set) and how many unread notices the user has about what they
 * may still see (the header's count). One query, as it runs on every
 * request. An idle or expired session is ended here, so it can never
 * come back.
 */
export async function checkSession(sessionId: string, userId: string, now = new Date()) {
  if (!UUID.test(sessionId)) return { ended: "signed-out" as const };
  const [session] = await db.$queryRaw<SessionRow[]>`
    select s."userId"::text as "userId", s."createdAt", s."lastSeenAt", s."endedAt", s."endReason",
           u.role::text as role, u."teamId"::text as "teamId", u."organisationWide", u.name, u.email, u.locale, u.active, u."totpEnabledAt",
           u."calendarTokenHash" is not null as "hasCalendarLink", u."emailReminders"::text as "emailReminders",
           t.name as "teamName", ss."totpRequiredFor"::text[] as "totpRequiredFor", ss."grantMaxDays",
           (select count(*)::int from "Notification" n where n."userId" = u.id and n."readAt" is null and ${UNREAD_VISIBLE}) as "unreadNotices"
    from "Session" s join "User" u on u.id = s."userId" left join "Team" t on t.id = u."teamId" left join "SecuritySetting" ss on ss.id = 1
    where s.id = ${sessionId}::uuid`;
  if (!session || session.userId !== userId) return { ended: "signed-out" as const };
  // Ended earlier (deactivated, password changed elsewhere, …): say why.
  if (session.endedAt) return { ended: (session.endReason ?? "signed-out") as SessionEnd };
  if (!session.active) return { ended: await endSession(sessionId, "deactivated") };
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_MINUTES * 60_000) return { ended: await endSession(sessionId, "idle") };
  if (now.getTime() - session.createdAt.getTime() > LIFETIME_HOURS * 3_600_000) return { ended: await endSession(sessionId, "expired") };
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const user: SessionUser = {
    id: session.userId,
    role: session.role,
    teamId: session.teamId,
    organisationWide: session.organisationWide,
    name: session.name,
    email: session.email,
    locale: session.locale,
    active: session.active,
    totpEnabledAt: session.totpEnabledAt,
    team: session.teamName === null ? null : { name: session.teamName },
    settings: { hasCalendarLink: session.hasCalendarLink, emailReminders: session.emailReminders },
  };
  return { user, totpRequiredFor: session.totpRequiredFor ?? [], grantMaxDays: session.grantMaxDays, unreadNotices: session.unreadNotices };
}

export async function endSession(sessionId: string, reason: SessionEnd): Promise<SessionEnd> {
  await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return reason;
}

/**
 * Ends every open session of a user (deactivation, a password changed or
 * reset, an authenticator reset), inside the caller's transaction, and
 * revokes their calendar feed link: it is a credential too, and must not
 * outlive the ones it was made under. `except`: the session that made the
 * change stays signed in.
 */
export async function endAllSessions(tx: Tx, userId: string, reason: SessionEnd, except?: string) {
  await tx.session.updateMany({
    where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  await tx.user.update({ where: { id: userId }, data: { calendarTokenHash: null } });
}

/** Ends a session its open page found idle, audited as a sign-out for that reason. */
export async function endIdleSession(user: { id: string; sessionId: string }, ip: string | null) {
  await endSession(user.sessionId, "idle");
  await recordAudit(db, { actorId: user.id, action: "logout", entity: "User", entityId: user.id, ip, detail: { session: user.sessionId, reason: "idle" } });
}
