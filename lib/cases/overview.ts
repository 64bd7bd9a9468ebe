import "server-only";
// What the case file's overview reads of an opened case beside the file, in
// one statement: the facts of its journey at a glance, its protection
// incidents, and its oversight: closure requests, legal holds, and (to
// staff) the guests' access grants with the guests a supervisor may grant
// to; the household's protected details the reader may read
// (lib/people/protected, audited when any is shown); and the notes of the
// timeline's page (timelineNotes, for getTimeline). Then the names of the
// staff they mention in one more. Each section
// reading its own cost the overview five statements more a view, most of
// them finding nothing, and each statement costs the server about half a
// millisecond under load, whatever it finds.
// Each record's module says what is read of it and how it is shown.
import { db } from "@/lib/db";
import { can, maySeeCaseGrants, type Actor } from "@/lib/policy";
import { staffNames } from "@/lib/users/names";
import { CASE_CLOSURE_REQUESTS, closureRequestStaff, namedClosureRequests } from "@/lib/closures/queries";
import { CASE_HOLDS, holdStaff, namedHolds } from "@/lib/holds/holds";
import { CASE_GRANTS, GRANT_GUESTS, grantMaxDays, grantPeople, namedGrants } from "@/lib/grants/grants";
import { CASE_INCIDENTS, timelineNotes } from "./queries";
import { JOURNEY_FACTS, journeyGlanceOf } from "./journey-facts";
import { protectedDetailsOf, protectedPeopleSelect, type ProtectedDetails } from "@/lib/people/protected";
import type { CaseAccess } from "./access";

/**
 * The overview's sections of an opened case: the journey at a glance
 * (`journey`: the case file's, which holds the arrival), the incidents,
 * the closure requests, holds and (null for a guest) grants, and the
 * household's protected details (`ip`: where the reader is, for the audit);
 * and the notes the timeline's page `timelinePage` shows (getTimeline).
 */
export async function caseOverview(access: CaseAccess, actor: Actor & { grantMaxDays?: number }, journey: { entryDate: Date | null } | null, ip: string | null, timelinePage = 1) {
  const seesGrants = maySeeCaseGrants(actor);
  const mayGrant = can(actor, "access:grant");
  const readable = protectedPeopleSelect(access);
  // What the reader may not see is not read: a limit of none.
  const { closureRequests, legalHolds, accessGrants, team, incidents, people, notes, ...facts } = await db.case.findUniqueOrThrow({
    where: { id: access.caseId },
    select: {
      ...JOURNEY_FACTS,
      incidents: CASE_INCIDENTS,
      closureRequests: CASE_CLOSURE_REQUESTS,
      legalHolds: CASE_HOLDS,
      accessGrants: seesGrants ? CASE_GRANTS : { ...CASE_GRANTS, take: 0 },
      team: { select: { users: mayGrant ? GRANT_GUESTS : { ...GRANT_GUESTS, take: 0 } } },
      people: readable ? { select: readable.select } : { select: { id: true }, take: 0 },
      notes: timelineNotes(actor, timelinePage),
    },
  });
  const [names, maxDays, protectedDetails] = await Promise.all([
    staffNames([...closureRequestStaff(closureRequests), ...holdStaff(legalHolds), ...grantPeople(accessGrants)]),
    // The signed-in user carries the setting, read with their session: a statement fewer on each view.
    mayGrant ? (actor.grantMaxDays ?? grantMaxDays()) : 0,
    protectedDetailsOf(access, ip, readable?.fields ?? [], people as ({ id: string } & ProtectedDetails)[]),
  ]);
  return {
    journeyGlance: journeyGlanceOf(facts, journey),
    incidents,
    protectedDetails,
    timelineNotes: notes,
    oversight: {
      closureRequests: namedClosureRequests(closureRequests, names),
      holds: namedHolds(legalHolds, names),
      grants: seesGrants ? { list: namedGrants(accessGrants, names), guests: team.users, maxDays } : null,
    },
  };
}
export type CaseOversight = Awaited<ReturnType<typeof caseOverview>>["oversight"];
