-- AlterTable
ALTER TABLE "Proceeding" ADD COLUMN     "teamId" UUID;

-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "leftOn" DATE,
ADD COLUMN     "proceedingType" "ProceedingType",
ADD COLUMN     "teamId" UUID;

-- CreateIndex
CREATE INDEX "Case_teamId_status_sensitivity_caseworkerId_idx" ON "Case"("teamId", "status", "sensitivity", "caseworkerId");

-- CreateIndex
CREATE INDEX "Case_teamId_openedAt_nationality_householdSize_idx" ON "Case"("teamId", "openedAt", "nationality", "householdSize");

-- CreateIndex
CREATE INDEX "Journey_entryDate_idx" ON "Journey"("entryDate");

-- CreateIndex
CREATE INDEX "Proceeding_teamId_closed_type_stage_idx" ON "Proceeding"("teamId", "closed", "type", "stage");

-- CreateIndex
CREATE INDEX "StageChange_teamId_leftOn_proceedingType_toStage_occurredOn_idx" ON "StageChange"("teamId", "leftOn", "proceedingType", "toStage", "occurredOn");

-- CreateIndex
CREATE INDEX "StageChange_teamId_toStage_occurredOn_idx" ON "StageChange"("teamId", "toStage", "occurredOn");


-- Hand-written: the team and timing columns the dashboard aggregates over
-- are derived data, kept by the database so no insert path can forget them.

-- Fill them for existing rows.
UPDATE "Proceeding" p SET "teamId" = c."teamId" FROM "Case" c WHERE c.id = p."caseId";
UPDATE "StageChange" sc
   SET "teamId" = p."teamId", "proceedingType" = p.type, "leftOn" = x.left_on
  FROM "Proceeding" p,
       (SELECT id, lead("occurredOn") OVER (PARTITION BY "proceedingId" ORDER BY at, id) AS left_on FROM "StageChange") x
 WHERE p.id = sc."proceedingId" AND x.id = sc.id;

-- A proceeding carries its case's team.
CREATE FUNCTION "proceeding_copy_team"() RETURNS trigger AS $$
BEGIN
  NEW."teamId" := (SELECT "teamId" FROM "Case" WHERE id = NEW."caseId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Proceeding_team"
  BEFORE INSERT OR UPDATE OF "caseId" ON "Proceeding"
  FOR EACH ROW EXECUTE FUNCTION "proceeding_copy_team"();

-- A stage change carries its proceeding's team and type, and closes the
-- stay in the stage before it: that stage was left on the day this one began.
CREATE FUNCTION "stage_change_derive"() RETURNS trigger AS $$
BEGIN
  SELECT "teamId", type INTO NEW."teamId", NEW."proceedingType" FROM "Proceeding" WHERE id = NEW."proceedingId";
  UPDATE "StageChange" SET "leftOn" = NEW."occurredOn"
   WHERE "proceedingId" = NEW."proceedingId" AND "leftOn" IS NULL AND id <> NEW.id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StageChange_derive"
  BEFORE INSERT ON "StageChange"
  FOR EACH ROW EXECUTE FUNCTION "stage_change_derive"();

-- If a proceeding's team changes (it moved to another case, or its case
-- moved team), its stage history follows.
CREATE FUNCTION "proceeding_team_to_stage_changes"() RETURNS trigger AS $$
BEGIN
  UPDATE "StageChange" SET "teamId" = NEW."teamId" WHERE "proceedingId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Proceeding_team_moved"
  AFTER UPDATE ON "Proceeding"
  FOR EACH ROW WHEN (OLD."teamId" IS DISTINCT FROM NEW."teamId")
  EXECUTE FUNCTION "proceeding_team_to_stage_changes"();

CREATE FUNCTION "case_team_to_proceedings"() RETURNS trigger AS $$
BEGIN
  UPDATE "Proceeding" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Case_team_moved"
  AFTER UPDATE ON "Case"
  FOR EACH ROW WHEN (OLD."teamId" IS DISTINCT FROM NEW."teamId")
  EXECUTE FUNCTION "case_team_to_proceedings"();
