import "server-only";
// What the case file shows of a case's oversight: its closure requests, its
// legal holds, and (to staff) the guests' access grants with the guests a
// supervisor may grant to. Read together, in one statement, and the names
// of the staff they mention in one more: each section reading its own cost
// the case file five statements a view, most of them finding nothing, and
// each statement costs the server about a quarter of a millisecond under
// load, whatever it finds.
// Each record's module says what is read of it and how it is shown.
import { db } from "@/lib/db";
import { can, maySeeCaseGrants, type Actor } from "@/lib/policy";
import { staffNames } from "@/lib/users/names";
import { CASE_CLOSURE_REQUESTS, closureRequestStaff, namedClosureRequests } from "@/lib/closures/queries";
import { CASE_HOLDS, holdStaff, namedHolds } from "@/lib/holds/holds";
import { CASE_GRANTS, GRANT_GUESTS, grantMaxDays, grantPeople, namedGrants } from "@/lib/grants/grants";
import type { CaseAccess } from "./access";

/** The closure requests, holds and (null for a guest) grants of an opened case, as its case file shows them. */
export async function caseOversight(access: CaseAccess, actor: Actor) {
  const seesGrants = maySeeCaseGrants(actor);
  const mayGrant = can(actor, "access:grant");
  // What the reader may not see is not read: a limit of none.
  const { closureRequests, legalHolds, accessGrants, team } = await db.case.findUniqueOrThrow({
    where: { id: access.caseId },
    select: {
      closureRequests: CASE_CLOSURE_REQUESTS,
      legalHolds: CASE_HOLDS,
      accessGrants: seesGrants ? CASE_GRANTS : { ...CASE_GRANTS, take: 0 },
      team: { select: { users: mayGrant ? GRANT_GUESTS : { ...GRANT_GUESTS, take: 0 } } },
    },
  });
  const [names, maxDays] = await Promise.all([
    staffNames([...closureRequestStaff(closureRequests), ...holdStaff(legalHolds), ...grantPeople(accessGrants)]),
    mayGrant ? grantMaxDays() : 0,
  ]);
  return {
    closureRequests: namedClosureRequests(closureRequests, names),
    holds: namedHolds(legalHolds, names),
    grants: seesGrants ? { list: namedGrants(accessGrants, names), guests: team.users, maxDays } : null,
  };
}
export type CaseOversight = Awaited<ReturnType<typeof caseOversight>>;
