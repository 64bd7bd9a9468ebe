import "server-only";
// The conflict check run before counsel is named, in two parts: conflicts
// in cases the actor may open are named by code; conflicts in cases they may
// not open are only counted, so the answer reveals nothing about those cases
// (not their codes, not which name matched). Those need a supervisor.
import { db } from "@/lib/db";
import { caseScope } from "@/lib/policy";
import type { CaseAccess } from "@/lib/cases/access";
import { findConflicts } from "./conflicts";

export type ConflictCheck = { visibleCodes: string[]; hidden: boolean };

/** Conflicts between this case's people and parties in the lawyer's other cases, and the other way round. */
export async function checkCounselConflicts(access: CaseAccess, counselId: string): Promise<ConflictCheck> {
  const { caseId } = access;
  const otherCases = { members: { some: { userId: counselId, role: "COUNSEL" as const } }, id: { not: caseId } };
  const [people, partiesElsewhere, partiesHere, clientsElsewhere] = await Promise.all([
    db.person.findMany({ where: { caseId }, select: { searchText: true } }),
    db.proceedingParty.findMany({ where: { proceeding: { case: otherCases } }, select: { name: true, role: true, proceeding: { select: { caseId: true } } } }),
    db.proceedingParty.findMany({ where: { proceeding: { caseId } }, select: { name: true, role: true } }),
    db.person.findMany({ where: { case: otherCases }, select: { searchText: true, caseId: true } }),
  ]);
  // Conflicts name the other case by id until we know whether the actor may see it.
  const against = findConflicts(
    people.map((p) => p.searchText),
    partiesElsewhere.map((p) => ({ name: p.name, role: p.role, caseRef: p.proceeding.caseId })),
  );
  const forOthers = clientsElsewhere.flatMap((client) => findConflicts([client.searchText], partiesHere.map((p) => ({ name: p.name, role: p.role, caseRef: client.caseId }))));
  const conflictCaseIds = [...new Set([...against, ...forOthers].map((c) => c.caseRef))];
  if (conflictCaseIds.length === 0) return { visibleCodes: [], hidden: false };
  const visible = await db.case.findMany({ where: { AND: [caseScope(access.actor), { id: { in: conflictCaseIds } }] }, select: { code: true }, orderBy: { code: "asc" } });
  return { visibleCodes: visible.map((c) => c.code), hidden: visible.length < conflictCaseIds.length };
}
