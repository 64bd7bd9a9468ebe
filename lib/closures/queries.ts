import "server-only";
import type { ClosureRequest, Prisma } from "@/lib/generated/prisma/client";

/** What a case file reads of its closure requests: the last ten, newest first. */
export const CASE_CLOSURE_REQUESTS = { orderBy: { requestedAt: "desc" }, take: 10 } satisfies Prisma.Case$closureRequestsArgs;

/** A case's closure requests with the names of who requested and decided each. */
export function namedClosureRequests(requests: ClosureRequest[], names: Map<string, string>) {
  return requests.map((r) => ({ ...r, requestedBy: names.get(r.requestedById) ?? "?", decidedBy: r.decidedById ? (names.get(r.decidedById) ?? "?") : null }));
}
export type NamedClosureRequest = ReturnType<typeof namedClosureRequests>[number];

/** The staff a case's closure requests name. */
export const closureRequestStaff = (requests: ClosureRequest[]) => requests.flatMap((r) => [r.requestedById, r.decidedById]);
