import "server-only";
import { db } from "@/lib/db";
import type { ClosureRequest, Prisma } from "@/lib/generated/prisma/client";
import { caseScope, type Actor } from "@/lib/policy";

/** What a case file reads of its closure requests: the last ten, newest first. */
export const CASE_CLOSURE_REQUESTS = { orderBy: { requestedAt: "desc" }, take: 10 } satisfies Prisma.Case$closureRequestsArgs;

/** A case's closure requests with the names of who requested and decided each. */
export function namedClosureRequests(requests: ClosureRequest[], names: Map<string, string>) {
  return requests.map((r) => ({ ...r, requestedBy: names.get(r.requestedById) ?? "?", decidedBy: r.decidedById ? (names.get(r.decidedById) ?? "?") : null }));
}
export type NamedClosureRequest = ReturnType<typeof namedClosureRequests>[number];

/** The staff a case's closure requests name. */
export const closureRequestStaff = (requests: ClosureRequest[]) => requests.flatMap((r) => [r.requestedById, r.decidedById]);

/** Pending requests on cases the actor may see, for the supervisor's dashboard. */
export async function pendingClosures(actor: Actor) {
  return db.closureRequest.findMany({
    where: { status: "PENDING", case: caseScope(actor) },
    orderBy: { requestedAt: "asc" },
    take: 100,
    select: { id: true, requestedAt: true, case: { select: { code: true } } },
  });
}
