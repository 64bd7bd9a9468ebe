-- A case carries the start of its next hearing as a hint for the risk board
-- (lib/legal/board.ts), which sorts every case on it by its next hearing:
-- looking up each of 800 cases' next hearing in the hearings' index was 1.7
-- ms of the board's 4.5 in PostgreSQL.
--
-- The hint is the earliest hearing of the case that had not started when it
-- was worked out, or null if there was none. It stays true while it is still
-- ahead: a hearing starting between now and the hint would have been ahead
-- then too. Once it has passed the board looks the next hearing up again, and
-- the upkeep (lib/hearings/next-hearing.ts) works it out anew every quarter of
-- an hour. Hand-written below the generated column: the one function that
-- writes it, the triggers that call it, and the hints of the cases so far.

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "nextHearingAt" TIMESTAMP(3);

-- Locks the case first and only then reads its hearings, in a statement of
-- its own: under READ COMMITTED that statement sees every hearing committed
-- by a transaction that held the lock before it, so two transactions adding
-- hearings to one case at once cannot leave the hint without the other's.
-- Hearings' times are UTC, whatever the session's time zone.
CREATE FUNCTION waypoint_case_next_hearing(case_id uuid) RETURNS timestamp(3) LANGUAGE plpgsql AS $$
DECLARE
  starts timestamp(3);
BEGIN
  IF case_id IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "Case" WHERE id = case_id FOR UPDATE;
  SELECT min("startsAt") INTO starts FROM "Hearing" WHERE "caseId" = case_id AND "startsAt" >= (now() AT TIME ZONE 'UTC');
  UPDATE "Case" SET "nextHearingAt" = starts WHERE id = case_id AND "nextHearingAt" IS DISTINCT FROM starts;
  RETURN starts;
END;
$$;

CREATE FUNCTION waypoint_hearing_next_hearing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM waypoint_case_next_hearing(OLD."caseId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."caseId" IS DISTINCT FROM OLD."caseId") THEN
    PERFORM waypoint_case_next_hearing(NEW."caseId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Hearing_next_hearing_added_or_removed"
  AFTER INSERT OR DELETE ON "Hearing"
  FOR EACH ROW EXECUTE FUNCTION waypoint_hearing_next_hearing();

-- A hearing moved in time, or to another case (its proceeding merged into another case).
CREATE TRIGGER "Hearing_next_hearing_moved"
  AFTER UPDATE OF "startsAt", "caseId" ON "Hearing"
  FOR EACH ROW WHEN (OLD."startsAt" IS DISTINCT FROM NEW."startsAt" OR OLD."caseId" IS DISTINCT FROM NEW."caseId")
  EXECUTE FUNCTION waypoint_hearing_next_hearing();

UPDATE "Case" c SET "nextHearingAt" = n.starts
  FROM (SELECT "caseId", min("startsAt") AS starts FROM "Hearing" WHERE "startsAt" >= (now() AT TIME ZONE 'UTC') GROUP BY "caseId") n
 WHERE n."caseId" = c.id;
