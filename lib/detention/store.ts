import "server-only";
import type { Tx } from "@/lib/db";
import { periodsOverlap } from "./days";
import { refuse } from "@/lib/refusal";
import { dbDate, isoDate } from "@/lib/dates";


/**
 * Refuses a period that shares a day with another episode of the same
 * person. The person's row is locked first so two saves at once cannot both
 * pass the check.
 */
export async function assertNoOverlap(tx: Tx, personId: string, period: { startedOn: string; releasedOn: string | null }, exceptId?: string) {
  await tx.$queryRaw`select id from "Person" where id = ${personId}::uuid for update`;
  const others = await tx.detentionEpisode.findMany({
    where: { personId, id: exceptId ? { not: exceptId } : undefined },
    select: { startedOn: true, releasedOn: true },
  });
  const clash = others.some((other) =>
    periodsOverlap(period, { startedOn: isoDate(other.startedOn), releasedOn: other.releasedOn ? isoDate(other.releasedOn) : null }),
  );
  if (clash) refuse("overlappingDetention", "startedOn");
}

export function episodeDates(input: { startedOn: string; sentenceEndsOn: string | null; releasedOn: string | null; releaseReason: string | null }) {
  return {
    startedOn: dbDate(input.startedOn),
    sentenceEndsOn: dbDate(input.sentenceEndsOn),
    releasedOn: dbDate(input.releasedOn),
    releaseReason: input.releasedOn ? input.releaseReason : null,
  };
}
