-- Hand-written: what the risk board reads (lib/legal/queries.ts,
-- refoulementBoard), from indexes that answer alone.
--
-- The flagged cases of the actor's scope. The index of flags gave every
-- flagged case, and PostgreSQL intersected it with all of a team's cases
-- from the team index (50,000 entries at the bench's data) to keep the
-- team's 500. This index holds only the flagged cases, by team, with what
-- the board reads of them.
CREATE INDEX "Case_refoulementRisk_idx" ON "Case" ("teamId") INCLUDE ("id", "code") WHERE "riskFlags" @> ARRAY['REFOULEMENT_RISK'];

-- The board's next hearings are read among its teams' future hearings
-- rather than everyone's: the team's index by start time carries each
-- hearing's proceeding, as the index by start time alone does. It replaces
-- the plain one, which the agenda and the grids read the same way.
CREATE INDEX "Hearing_teamId_startsAt_proceedingId_idx" ON "Hearing" ("teamId", "startsAt") INCLUDE ("proceedingId");
DROP INDEX "Hearing_teamId_startsAt_idx";
