import "server-only";
import type { FormState } from "@/lib/forms";
import { Refusal } from "@/lib/refusal";
import type { Tx } from "@/lib/db";
import { formatInTimeZone } from "date-fns-tz";
import { TIME_ZONE } from "@/lib/dates";

/**
 * Optimistic locking: every edited table has a `version` column; an update
 * says `where id = ? and version = ?`. When nothing matched, someone else
 * saved first: the edit is refused, never merged or overwritten.
 */
export class ConflictError extends Refusal {
  constructor(
    readonly changedBy: string,
    readonly changedAt: Date,
  ) {
    super("conflict", undefined, { name: changedBy, time: formatInTimeZone(changedAt, TIME_ZONE, "yyyy-MM-dd HH:mm") });
  }
}

export function conflictState(error: ConflictError): FormState {
  return { formError: "conflict", formErrorValues: error.values };
}

/** The conflict to report once an update matched nothing: who saved last, and when. */
export async function conflictFrom(reader: Pick<Tx, "user">, latest: { updatedAt: Date; updatedById: string | null }): Promise<ConflictError> {
  const by = latest.updatedById ? await reader.user.findUnique({ where: { id: latest.updatedById }, select: { name: true } }) : null;
  return new ConflictError(by?.name ?? "?", latest.updatedAt);
}
