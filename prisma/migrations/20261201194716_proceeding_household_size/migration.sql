-- AlterTable
ALTER TABLE "Proceeding" ADD COLUMN     "householdSize" INTEGER;


-- Hand-written: like its team, a proceeding carries its case's household
-- size, copied on insert and when it moves to another case, and updated when
-- the case's changes. The dashboard's programmes panel (how many
-- resettlements and people a suspension would hold, in which teams) then
-- sums one covering index instead of reading thousands of cases.
CREATE OR REPLACE FUNCTION "proceeding_copy_team"() RETURNS trigger AS $$
BEGIN
  SELECT "teamId", "householdSize" INTO NEW."teamId", NEW."householdSize" FROM "Case" WHERE id = NEW."caseId";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION waypoint_case_household_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Proceeding" SET "householdSize" = NEW."householdSize" WHERE "caseId" = NEW.id;
  PERFORM waypoint_sync_proceeding_facts(p.id) FROM "Proceeding" p WHERE p."caseId" = NEW.id;
  RETURN NULL;
END;
$$;

UPDATE "Proceeding" p SET "householdSize" = c."householdSize" FROM "Case" c WHERE c.id = p."caseId";

CREATE INDEX "Proceeding_programme_counts_idx" ON "Proceeding" ("teamId", "programmeId")
  INCLUDE (type, closed, stage, "suspendedFromStage", "householdSize") WHERE "programmeId" IS NOT NULL;
