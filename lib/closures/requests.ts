import "server-only";
// The one writer of closure requests: a caseworker's request and the
// proposal a move makes (departed, deported) both come through here.
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";

type Context = { actorId: string; ip: string | null };

/**
 * Asks for the case to be closed; a supervisor decides. Returns why not when
 * the case is closed already or a request is waiting: a person is told so,
 * a move's proposal simply stands aside.
 */
export async function requestClosure(tx: Tx, caseId: string, reason: string, context: Context, detail?: Record<string, string>): Promise<"requested" | "alreadyClosed" | "closurePending"> {
  // Lock the case so two requests at once cannot both find no pending one.
  const [row] = await tx.$queryRaw<{ status: string }[]>`select status::text from "Case" where id = ${caseId}::uuid for update`;
  if (row.status === "CLOSED") return "alreadyClosed";
  if (await tx.closureRequest.count({ where: { caseId, status: "PENDING" } })) return "closurePending";
  const request = await tx.closureRequest.create({ data: { caseId, requestedById: context.actorId, reason }, select: { id: true } });
  await recordAudit(tx, { actorId: context.actorId, action: "closure.request", entity: "ClosureRequest", entityId: request.id, caseId, ip: context.ip, detail });
  return "requested";
}
