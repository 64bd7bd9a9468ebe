import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { caseScope, type Actor } from "@/lib/policy";
import { staffNames } from "@/lib/users/names";

/** Closure requests of one case, newest first. */
export async function caseClosureRequests(access: CaseAccess) {
  const requests = await db.closureRequest.findMany({ where: { caseId: access.caseId }, orderBy: { requestedAt: "desc" }, take: 10 });
  const names = await staffNames(requests.flatMap((r) => [r.requestedById, r.decidedById]));
  return requests.map((r) => ({ ...r, requestedBy: names.get(r.requestedById) ?? "?", decidedBy: r.decidedById ? (names.get(r.decidedById) ?? "?") : null }));
}

/** Pending requests on cases the actor may see, for the supervisor's dashboard. */
export async function pendingClosures(actor: Actor) {
  return db.closureRequest.findMany({
    where: { status: "PENDING", case: caseScope(actor) },
    orderBy: { requestedAt: "asc" },
    take: 100,
    select: { id: true, requestedAt: true, case: { select: { code: true } } },
  });
}
