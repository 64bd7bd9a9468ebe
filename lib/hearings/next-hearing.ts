import "server-only";
// The next-hearing hint each case carries for the risk board (migration
// 20261206114403_case_next_hearing): how it is read, and its upkeep, in one
// place, as both follow from when the hint holds. The hearings' triggers keep
// it when a hearing is added, moved or removed; time passing is what they
// cannot see: once the hint's hearing has started, the board looks the next
// one up at each view until the hint is worked out again. Every server does
// this every quarter of an hour; two at once do no harm (the working out
// locks the case first). WAYPOINT_JOBS=off stops it with the other jobs.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { repeat } from "@/lib/background";

const LOOK_EVERY_MS = 15 * 60_000;

/**
 * A case's next hearing, from the hint the case carries (`hint`, kept by the
 * hearings' triggers: migration 20261206114403_case_next_hearing) while it
 * is still ahead or says there is none, else looked up among its hearings.
 * Hearings' times are UTC.
 */
export function nextHearing(caseId: string, hint: string) {
  const [id, kept] = [Prisma.raw(caseId), Prisma.raw(hint)];
  return Prisma.sql`case when ${kept} is null or ${kept} >= (now() at time zone 'UTC') then ${kept}
    else (select min(h."startsAt") from "Hearing" h where h."caseId" = ${id} and h."startsAt" >= (now() at time zone 'UTC')) end`;
}

/** Works out anew every hint that has passed; says how many. */
export async function refreshPassedHints(): Promise<number> {
  // One read of the cases (no index: an indexed hint would make every change to it touch all the case's indexes).
  const refreshed = await db.$queryRaw<{ next: Date | null }[]>`
    select waypoint_case_next_hearing(c.id) as next from "Case" c where c."nextHearingAt" < (now() at time zone 'UTC')`;
  return refreshed.length;
}

/** Starts the upkeep; says whether it did. */
export function startNextHearingUpkeep(): boolean {
  repeat("next-hearing upkeep", refreshPassedHints, { first: 30_000, every: LOOK_EVERY_MS });
  return true;
}
