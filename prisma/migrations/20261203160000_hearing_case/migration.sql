-- Hand-written: a hearing carries its case, as it carries its team: copied
-- from its proceeding on insert and when it moves to another proceeding,
-- and updated when the proceeding moves to another case (a merge). The
-- risk board finds its cases' next hearings among its teams' future
-- hearings (lib/legal/queries.ts, nextHearings); reaching each hearing's
-- case through its proceeding read some 1,100 proceedings of the board's
-- 800 cases on every view, 2–3 ms of the board's time in PostgreSQL. The
-- index by team and start time now carries the case too and answers alone.

ALTER TABLE "Hearing" ADD COLUMN "caseId" UUID;

CREATE OR REPLACE FUNCTION "hearing_copy_team"() RETURNS trigger AS $$
BEGIN
  SELECT "teamId", "caseId" INTO NEW."teamId", NEW."caseId" FROM "Proceeding" WHERE id = NEW."proceedingId";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "proceeding_case_to_hearings"() RETURNS trigger AS $$
BEGIN
  UPDATE "Hearing" SET "caseId" = NEW."caseId" WHERE "proceedingId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Proceeding_case_moved"
  AFTER UPDATE OF "caseId" ON "Proceeding"
  FOR EACH ROW WHEN (OLD."caseId" IS DISTINCT FROM NEW."caseId")
  EXECUTE FUNCTION "proceeding_case_to_hearings"();

UPDATE "Hearing" h SET "caseId" = p."caseId" FROM "Proceeding" p WHERE p.id = h."proceedingId";

CREATE INDEX "Hearing_teamId_startsAt_proceedingId_caseId_idx" ON "Hearing" ("teamId", "startsAt") INCLUDE ("proceedingId", "caseId");
DROP INDEX "Hearing_teamId_startsAt_proceedingId_idx";
