// Who may do what: the only place access rules live (docs/domain.md, "Least
// privilege"). Every query and server action asks this module, on the server.
//
// Two kinds of rule:
// - `can(actor, permission)`: what a role may do at all;
// - scopes (`caseScope`, `noteScope`): Prisma `where` clauses that limit a
//   query to the records this actor may see, so no record can be fetched by
//   id alone. One has a SQL twin for a user read in the same statement
//   (`caseVisibleSql`), tested against it for every role.
import type { Prisma, Role } from "@/lib/generated/prisma/client";

export type Actor = {
  id: string;
  role: Role;
  teamId: string | null;
  /** A supervisor of every team (a programme director), not only their own. */
  organisationWide?: boolean;
};

export const PERMISSIONS = [
  "case:read",
  "case:create",
  "case:update",
  "person:update",
  "note:create",
  "note:read-confidential",
  "proceeding:manage",
  "task:manage",
  "custody:manage",
  "document:read",
  "document:upload",
  "hearing:manage",
  "counsel:assign",
  "incident:create",
  "board:read",
  "dashboard:read",
  "case:export",
  "case:reassign",
  "closure:request",
  "closure:approve",
  "programme:suspend",
  "audit:read",
  "person:subject-request",
  "referral:create",
  "referral:override",
  "referral:receive",
  "case:merge",
  "case:import",
  "case:hold",
  "consent:record",
  "access:grant",
  "settings:manage",
  "retention:manage",
  "outbox:manage",
  "user:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Caseworkers keep the case record; supervisors can do all of that and
// oversee their team.
const CASEWORKER_GRANTS: readonly Permission[] = [
  "case:read",
  "case:create",
  "case:update",
  "person:update",
  "note:create",
  "proceeding:manage",
  "task:manage",
  "custody:manage",
  "document:read",
  "document:upload",
  "hearing:manage",
  "counsel:assign",
  "incident:create",
  "board:read",
  "closure:request",
  // Refer a case to a partner, with the person's recorded consent; and, in
  // a team that is itself a partner, receive referrals.
  "referral:create",
  "referral:receive",
  // Record a person's consent to a purpose, and its withdrawal.
  "consent:record",
];

const GRANTS: Record<Role, readonly Permission[]> = {
  CASEWORKER: CASEWORKER_GRANTS,
  SUPERVISOR: [
    ...CASEWORKER_GRANTS,
    "note:read-confidential",
    "dashboard:read",
    "case:export",
    "case:reassign",
    "closure:approve",
    "programme:suspend",
    "audit:read",
    // Export everything about one person, or erase them, on their request.
    "person:subject-request",
    // Send a referral without consent, with a recorded reason.
    "referral:override",
    // Merge two cases of one household; import cases from spreadsheets.
    "case:merge",
    "case:import",
    // Put a case on legal hold (no retention action touches it) and lift it.
    "case:hold",
    // Give a guest (interpreter, volunteer, pro bono lawyer) access to a case for a window, and end it.
    "access:grant",
  ],
  // Legal officers follow the cases where they are counsel: they move
  // proceedings, keep deadlines, record hearings and file court papers; the
  // household record, detention and money are kept by caseworkers.
  LEGAL_OFFICER: ["case:read", "note:create", "proceeding:manage", "task:manage", "document:read", "document:upload", "hearing:manage", "incident:create", "board:read"],
  // Administrators manage accounts and reference settings and see no case
  // content; their audit:read covers sign-in events and account changes only.
  // Suspending a programme holds cases, so it is a supervisor's act, for the
  // teams they oversee (programmeHoldScope).
  ADMIN: ["user:manage", "settings:manage", "retention:manage", "outbox:manage", "audit:read"],
  // Interpreters, volunteers, pro bono lawyers: read what a supervisor's
  // grant opens (the case, its granted sections, for its window) and
  // change nothing (caseScope, lib/grants).
  GUEST: ["case:read", "document:read"],
};

export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[actor.role].includes(permission);
}

const NOTHING: Prisma.CaseWhereInput = { id: { in: [] } };

/**
 * Either of several scopes. Prisma reads an empty filter `{}` inside `OR` as
 * matching nothing, not everything, so a scope meaning "all" (an
 * organisation-wide supervisor's) must make the whole clause `{}`.
 */
function anyOf<T extends object>(clauses: T[]): T | { OR: T[] } {
  return clauses.some((clause) => Object.keys(clause).length === 0) ? ({} as T) : { OR: clauses };
}

/** Whether the actor is named on a case: its assigned caseworker or a member (counsel, second caseworker). */
export function isNamedOn(actor: Actor, target: { caseworkerId: string | null; memberIds: string[] }): boolean {
  return target.caseworkerId === actor.id || target.memberIds.includes(actor.id);
}

/** Being named on a case, as a query: its assigned caseworker or a member (counsel, second caseworker). */
function namedOn(actor: Actor): Prisma.CaseWhereInput[] {
  return [{ caseworkerId: actor.id }, { members: { some: { userId: actor.id } } }];
}

/**
 * The cases this actor may see. Restricted cases are visible only to the
 * people named on them and the supervisors of their team.
 */
export function caseScope(actor: Actor): Prisma.CaseWhereInput {
  if (!can(actor, "case:read")) return NOTHING;
  switch (actor.role) {
    case "SUPERVISOR":
      if (actor.organisationWide) return {};
      return actor.teamId ? { teamId: actor.teamId } : NOTHING;
    case "CASEWORKER":
      if (!actor.teamId) return { OR: namedOn(actor) };
      return {
        OR: [{ teamId: actor.teamId, sensitivity: { not: "RESTRICTED" } }, ...namedOn(actor)],
      };
    case "LEGAL_OFFICER":
      return { members: { some: { userId: actor.id, role: "COUNSEL" } } };
    case "GUEST":
      // Only while a grant stands: the window is checked at every request, so access ends on time for an open page too.
      return { accessGrants: { some: grantStandingFor(actor.id) } };
    default:
      return NOTHING;
  }
}

/**
 * caseScope in SQL, for a user and a case read in the same statement (the
 * aliases of their rows): whether that user may see that case. The session
 * check counts the header's unread notices with it in its own statement:
 * whose notices they are is known only from the row that statement reads,
 * so caseScope's Prisma clause cannot be built beforehand, and a statement
 * of its own cost every signed-in page about a millisecond under load. The
 * case gate opens a case page for staff with it, in the statement that also
 * records the view (readCaseFileRecordingView). It must say what caseScope
 * says, role by role, and is kept beside it; a
 * test compares the two for every role on random data
 * (lib/auth/unread-notices.integration.test.ts). Plain text, not Prisma.Sql:
 * it holds no values, and this module is also bundled for the browser.
 */
export function caseVisibleSql(user: string, kase: string): string {
  if (![user, kase].every((alias) => /^[a-z]+$/.test(alias))) throw new Error("caseVisibleSql takes table aliases");
  const member = (role?: string) =>
    `exists (select 1 from "CaseMember" m where m."caseId" = ${kase}.id and m."userId" = ${user}.id${role ? ` and m.role = '${role}'` : ""})`;
  const byRole: Record<Role, string> = {
    SUPERVISOR: `(${user}."organisationWide" or ${kase}."teamId" = ${user}."teamId")`,
    CASEWORKER: `((${kase}."teamId" = ${user}."teamId" and ${kase}.sensitivity <> 'RESTRICTED') or ${kase}."caseworkerId" = ${user}.id or ${member()})`,
    LEGAL_OFFICER: member("COUNSEL"),
    GUEST: `exists (select 1 from "AccessGrant" g where g."caseId" = ${kase}.id and g."userId" = ${user}.id and g."revokedAt" is null and g."startsAt" <= now() and g."endsAt" > now())`,
    ADMIN: "false",
  };
  const roles = Object.keys(GRANTS) as Role[];
  // A role without case:read sees no case, whatever its clause above says (as caseScope's first line).
  const clauses = roles.map((role) => `when '${role}' then ${GRANTS[role].includes("case:read") ? byRole[role] : "false"}`);
  // A null (no team) is no.
  return `coalesce(case ${user}.role ${clauses.join(" ")} end, false)`;
}

/** notificationScope in SQL (see caseVisibleSql): a notice of no case, or of a case the user may see. */
export function noticeVisibleSql(user: string, notice: string): string {
  if (!/^[a-z]+$/.test(notice)) throw new Error("noticeVisibleSql takes table aliases");
  return `(${notice}."caseId" is null or exists (select 1 from "Case" nc where nc.id = ${notice}."caseId" and ${caseVisibleSql(user, "nc")}))`;
}

/**
 * Restricted cases whose existence (code only) a caseworker may see: those
 * of their team they are not named on. Nothing else about them is shown,
 * and they never match a search, so a name typed cannot reveal them.
 */
export function restrictedCodeScope(actor: Actor): Prisma.CaseWhereInput | null {
  // Null: none, so that no query is made for them (a supervisor opens every case of their team).
  if (actor.role !== "CASEWORKER" || !actor.teamId) return null;
  return { teamId: actor.teamId, sensitivity: "RESTRICTED", NOT: { OR: namedOn(actor) } };
}

/**
 * The hearings this actor may see in lists and calendars: those of cases in
 * their scope; legal officers also see their team's unrestricted hearings,
 * to plan who appears where (the case itself stays closed to them).
 */
export function hearingScope(actor: Actor): Prisma.HearingWhereInput {
  if (actor.role === "LEGAL_OFFICER") {
    return {
      OR: [
        { counselId: actor.id },
        { proceeding: { case: caseScope(actor) } },
        ...(actor.teamId ? [{ proceeding: { case: { teamId: actor.teamId, sensitivity: { not: "RESTRICTED" as const } } } }] : []),
      ],
    };
  }
  // A guest's grant opens sections of a case, not lists or calendars beside it.
  if (actor.role === "GUEST") return { id: { in: [] } };
  return teamColumnScope(actor) ?? { proceeding: { case: caseScope(actor) } };
}

/**
 * A supervisor's case scope (whole teams) as a condition on the team a
 * record carries; null for everyone else. Hearings, tasks, proceedings and
 * the case-count rollup carry their case's team, copied by the database as
 * it changes, so a team's agenda, deadlines or case total are read from an
 * index on that column rather than by joining every one of the team's cases.
 */
export function teamColumnScope(actor: Actor): { teamId?: string } | null {
  if (actor.role !== "SUPERVISOR" || !can(actor, "case:read")) return null;
  if (actor.organisationWide) return {};
  return actor.teamId ? { teamId: actor.teamId } : null;
}

/** The tasks on cases the actor may see (caseScope, read by team where it can be). */
export function taskScope(actor: Actor): Prisma.TaskWhereInput {
  return teamColumnScope(actor) ?? { case: caseScope(actor) };
}

/** A guest's grant that stands now: not revoked, within its window. */
export function grantStandingFor(userId: string, now: Date = new Date()): Prisma.AccessGrantWhereInput {
  return { userId, revokedAt: null, startsAt: { lte: now }, endsAt: { gt: now } };
}

/** The cases whose `section` the actor may see: for a guest, those a standing grant opens that section of. */
export function caseSectionScope(actor: Actor, section: string): Prisma.CaseWhereInput {
  if (actor.role !== "GUEST") return caseScope(actor);
  return { accessGrants: { some: { ...grantStandingFor(actor.id), sections: { has: section } } } };
}

/**
 * The sections of a case file a guest may see: those of their standing
 * grants on the case; every section for staff (null).
 */
export function sectionLimit(actor: Actor, grants: { sections: string[] }[]): string[] | null {
  if (actor.role !== "GUEST") return null;
  return [...new Set(grants.flatMap((g) => g.sections))];
}

/** Who sees a case's guest grants (who else has access, and why): its staff, not a guest. */
export function maySeeCaseGrants(actor: Actor): boolean {
  return actor.role !== "GUEST" && can(actor, "case:read");
}

/** Who may receive a grant on a case: an active guest account of the case's team. */
export function mayReceiveGrant(user: { role: Role; teamId: string | null; active: boolean }, caseTeamId: string): boolean {
  return user.role === "GUEST" && user.active && user.teamId === caseTeamId;
}

/**
 * The teams a supervisor oversees (dashboard figures, reassignment): their
 * own, or every team for an organisation-wide supervisor.
 */
export function supervisedTeams(actor: Actor): Prisma.TeamWhereInput {
  const ids = supervisedTeamIds(actor);
  if (ids === "every") return {};
  return ids.length === 1 ? { id: ids[0] } : { id: { in: [...ids] } };
}

/** The same teams by id, for SQL written by hand: "every" for an organisation-wide supervisor. */
export function supervisedTeamIds(actor: Actor): readonly string[] | "every" {
  if (!can(actor, "dashboard:read")) return [];
  if (actor.organisationWide) return "every";
  return actor.teamId ? [actor.teamId] : [];
}

/** The teams an actor works in: their own, plus any they oversee (filters, intake). */
export function workingTeams(actor: Actor): Prisma.TeamWhereInput {
  return anyOf<Prisma.TeamWhereInput>([...(actor.teamId ? [{ id: actor.teamId }] : []), supervisedTeams(actor)]);
}

/** The same teams by id, for SQL written by hand: "every" for an organisation-wide supervisor. */
export function workingTeamIds(actor: Actor): readonly string[] | "every" {
  const supervised = supervisedTeamIds(actor);
  if (supervised === "every") return "every";
  return [...new Set([...(actor.teamId ? [actor.teamId] : []), ...supervised])];
}

/** Whether this actor oversees the given team. */
export function supervisesTeam(actor: Actor, teamId: string): boolean {
  return can(actor, "dashboard:read") && (actor.organisationWide === true || actor.teamId === teamId);
}

/**
 * Referrals addressed to a partner that uses this deployment: the staff of
 * that partner's team (and supervisors overseeing it) receive them. They
 * see what was shared, never the sending case itself.
 */
export function incomingReferralScope(actor: Actor): Prisma.ReferralWhereInput {
  if (!can(actor, "referral:receive")) return { id: { in: [] } };
  return { partner: { teamId: { not: null }, team: workingTeams(actor) } };
}

/** Referrals an actor may open: those of cases they may see, and those addressed to their team. */
export function referralScope(actor: Actor): Prisma.ReferralWhereInput {
  const cases = caseScope(actor);
  if (Object.keys(cases).length === 0) return {};
  return anyOf<Prisma.ReferralWhereInput>([{ case: cases }, incomingReferralScope(actor)]);
}

/**
 * Who records a partner's answer to a referral: a partner that uses this
 * deployment answers for itself (its team receives the referral); for any
 * other partner the sending team records what the partner said.
 */
export function mayAnswerReferral(referral: { partnerInDeployment: boolean; sender: boolean; receiver: boolean }): boolean {
  return referral.partnerInDeployment ? referral.receiver : referral.sender;
}

/**
 * Which entries of the audit log an actor may read: administrators the
 * sign-in and account events (never case content); supervisors the entries
 * of their teams' cases; nobody else any. Null: none.
 */
export type AuditReach = { events: "accounts" } | { events: "cases"; teams: Prisma.TeamWhereInput; teamIds: readonly string[] | "every" } | null;

export function auditReach(actor: Actor): AuditReach {
  if (!can(actor, "audit:read")) return null;
  return actor.role === "ADMIN" ? { events: "accounts" } : { events: "cases", teams: supervisedTeams(actor), teamIds: supervisedTeamIds(actor) };
}

/** The supervisors who oversee a team: its own, and every organisation-wide one. */
export function teamSupervisors(teamId: string): Prisma.UserWhereInput {
  return { role: "SUPERVISOR", active: true, OR: [{ teamId }, { organisationWide: true }] };
}

/**
 * Whether the actor may name counsel despite a conflict in a case they
 * cannot open: a supervisor clears it; others are told only that one exists.
 */
export function mayClearHiddenConflict(actor: Actor): boolean {
  return actor.role === "SUPERVISOR";
}

/**
 * Whether the actor may lift a case's "Restricted": a supervisor's decision,
 * as closing a case is. A caseworker named on the case asks; the team's
 * supervisors are told either way.
 */
export function mayLiftRestriction(actor: Actor): boolean {
  return actor.role === "SUPERVISOR";
}

/**
 * The notifications an actor reads: their own, about no case or about a
 * case they may still see. The header's unread count and the page both use
 * it, so the number and the list agree.
 */
export function notificationScope(actor: Actor): Prisma.NotificationWhereInput {
  const cases = caseScope(actor);
  if (Object.keys(cases).length === 0) return { userId: actor.id };
  return { userId: actor.id, OR: [{ caseId: null }, { case: cases }] };
}

/**
 * The proceedings a programme suspension (or resumption) by this actor may
 * hold or release: those of cases in the teams they oversee. A Bangkok
 * supervisor's suspension leaves Chiang Rai's resettlements alone.
 */
export function programmeHoldScope(actor: Actor): Prisma.ProceedingWhereInput {
  return { case: { team: programmeHoldTeams(actor) } };
}

/** The teams whose resettlements this actor's suspension of a programme would hold. */
export function programmeHoldTeams(actor: Actor): Prisma.TeamWhereInput {
  if (!can(actor, "programme:suspend")) return { id: { in: [] } };
  return supervisedTeams(actor);
}

/** The same teams by id, for SQL written by hand: "every" for an organisation-wide supervisor. */
export function programmeHoldTeamIds(actor: Actor): readonly string[] | "every" {
  if (!can(actor, "programme:suspend")) return [];
  return supervisedTeamIds(actor);
}

/** Confidential notes are visible to their author and to supervisors only. */
export function noteScope(actor: Actor): Prisma.NoteWhereInput {
  if (can(actor, "note:read-confidential")) return {};
  return { OR: [{ confidential: false }, { authorId: actor.id }] };
}

/**
 * Which team a new case may be opened in, and to whom it may be assigned:
 * staff open cases in their own team (supervisors in any team they oversee)
 * and assign them to a caseworker or supervisor of that team.
 */
export function mayAssignCase(
  actor: Actor,
  target: { teamId: string; assignee: { role: Role; teamId: string | null; active: boolean } | null },
): boolean {
  if (!can(actor, "case:create") && !can(actor, "case:update")) return false;
  if (actor.teamId !== target.teamId && !supervisesTeam(actor, target.teamId)) return false;
  if (!target.assignee) return true;
  return (
    target.assignee.active &&
    target.assignee.teamId === target.teamId &&
    (target.assignee.role === "CASEWORKER" || target.assignee.role === "SUPERVISOR")
  );
}

/**
 * Protected personal details: what a leak would cost most. Each field names
 * the roles that may read and write it; `namedOnly` fields are further
 * limited, for caseworkers, to cases they are named on (supervisors of the
 * team always). Religion is the ground of many claims (Hmong and Montagnard
 * Christians), so counsel reads it; nobody outside the household's
 * caseworkers and supervisors learns where the safe house is.
 */
export const PROTECTED_FIELDS = ["religion", "phone", "address", "safeHouse"] as const;
export type ProtectedField = (typeof PROTECTED_FIELDS)[number];

const FIELD_ACCESS: Record<ProtectedField, { read: Role[]; write: Role[]; namedOnly?: true }> = {
  religion: { read: ["CASEWORKER", "SUPERVISOR", "LEGAL_OFFICER"], write: ["CASEWORKER", "SUPERVISOR"] },
  phone: { read: ["CASEWORKER", "SUPERVISOR", "LEGAL_OFFICER"], write: ["CASEWORKER", "SUPERVISOR"] },
  address: { read: ["CASEWORKER", "SUPERVISOR"], write: ["CASEWORKER", "SUPERVISOR"] },
  safeHouse: { read: ["CASEWORKER", "SUPERVISOR"], write: ["CASEWORKER", "SUPERVISOR"], namedOnly: true },
};

/** The protected fields of a case's people this actor may read or write. `namedOnCase`: the actor is its caseworker or a member. */
export function protectedFields(actor: Actor, mode: "read" | "write", context: { namedOnCase: boolean }): ProtectedField[] {
  return PROTECTED_FIELDS.filter((field) => {
    const rule = FIELD_ACCESS[field];
    if (!rule[mode].includes(actor.role)) return false;
    return !rule.namedOnly || actor.role === "SUPERVISOR" || context.namedOnCase;
  });
}
