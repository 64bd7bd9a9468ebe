-- Hand-written: the risk board orders its cases by their next hearing
-- (lib/legal/queries.ts, nextHearings), joining every future hearing to the
-- board's proceedings. The index by start time gave the hearings, and each
-- one's proceeding was then read from the table: some 8,000 rows over 200
-- pages at the bench's data. The same index carrying the proceeding answers
-- on its own. It replaces the plain index by start time, which every other
-- read by start time uses the same way.
CREATE INDEX "Hearing_startsAt_proceedingId_idx" ON "Hearing" ("startsAt") INCLUDE ("proceedingId");
DROP INDEX "Hearing_startsAt_idx";
