-- DropIndex
DROP INDEX "Case_principalName_idx";

-- DropIndex
DROP INDEX "Person_searchText_idx";

-- DropIndex
DROP INDEX "Person_nameKeys_idx";

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "teamId" UUID;

-- AlterTable
ALTER TABLE "RollupCaseCount" ADD COLUMN     "people" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Case_principalName_id_idx" ON "Case"("principalName", "id");

-- CreateIndex
CREATE INDEX "Case_teamId_principalName_id_idx" ON "Case"("teamId", "principalName", "id");

-- CreateIndex
CREATE INDEX "Person_searchText_idx" ON "Person" USING GIST ("searchText" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_nameKeys_idx" ON "Person" USING GIST ("nameKeys" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Hearing_teamId_startsAt_idx" ON "Hearing"("teamId", "startsAt");


-- Hand-written: a hearing carries its case's team, copied from its
-- proceeding on insert and when it moves to another proceeding, and
-- updated when the proceeding's team changes (the proceeding moved to
-- another case, or its case to another team).
CREATE FUNCTION "hearing_copy_team"() RETURNS trigger AS $$
BEGIN
  NEW."teamId" := (SELECT "teamId" FROM "Proceeding" WHERE id = NEW."proceedingId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Hearing_team"
  BEFORE INSERT OR UPDATE OF "proceedingId" ON "Hearing"
  FOR EACH ROW EXECUTE FUNCTION "hearing_copy_team"();

CREATE OR REPLACE FUNCTION "proceeding_team_to_stage_changes"() RETURNS trigger AS $$
BEGIN
  UPDATE "StageChange" SET "teamId" = NEW."teamId" WHERE "proceedingId" = NEW.id;
  UPDATE "Hearing" SET "teamId" = NEW."teamId" WHERE "proceedingId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

UPDATE "Hearing" h SET "teamId" = p."teamId" FROM "Proceeding" p WHERE p.id = h."proceedingId";

-- Cases by status also count the people in them, so the case list's totals
-- ("50,000 cases, 120,000 people") for a supervisor's whole team are read
-- from a few rollup rows instead of counting the team's cases.
CREATE FUNCTION waypoint_rollup_case_count(team uuid, st "CaseStatus", sens "Sensitivity", worker uuid, delta integer, people_delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupCaseCount" ("teamId", "status", "sensitivity", "caseworkerId", "count", "people")
  VALUES (team, st, sens, coalesce(worker, '00000000-0000-0000-0000-000000000000'::uuid), delta, people_delta)
  ON CONFLICT ("teamId", "status", "sensitivity", "caseworkerId")
    DO UPDATE SET "count" = "RollupCaseCount"."count" + excluded."count", "people" = "RollupCaseCount"."people" + excluded."people"
$$;

CREATE OR REPLACE FUNCTION waypoint_rollup_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."teamId", OLD.status, OLD.sensitivity, OLD."caseworkerId", OLD."openedAt", OLD.nationality, OLD."householdSize")
       IS NOT DISTINCT FROM (NEW."teamId", NEW.status, NEW.sensitivity, NEW."caseworkerId", NEW."openedAt", NEW.nationality, NEW."householdSize") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM waypoint_rollup_case_count(OLD."teamId", OLD.status, OLD.sensitivity, OLD."caseworkerId", -1, -OLD."householdSize");
    PERFORM waypoint_rollup_new_cases(OLD."teamId", waypoint_bangkok_day(OLD."openedAt"), OLD.nationality, -1, -OLD."householdSize");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM waypoint_rollup_case_count(NEW."teamId", NEW.status, NEW.sensitivity, NEW."caseworkerId", 1, NEW."householdSize");
    PERFORM waypoint_rollup_new_cases(NEW."teamId", waypoint_bangkok_day(NEW."openedAt"), NEW.nationality, 1, NEW."householdSize");
  END IF;
  -- Arrivals count the case's team, nationality and household size on its journey's entry date.
  IF TG_OP = 'UPDATE' THEN
    PERFORM waypoint_rollup_arrivals(OLD."teamId", j."entryDate", OLD.nationality, -1, -OLD."householdSize")
       FROM "Journey" j WHERE j."caseId" = OLD.id AND j."entryDate" IS NOT NULL;
    PERFORM waypoint_rollup_arrivals(NEW."teamId", j."entryDate", NEW.nationality, 1, NEW."householdSize")
       FROM "Journey" j WHERE j."caseId" = NEW.id AND j."entryDate" IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;

DROP FUNCTION waypoint_rollup_case_count(uuid, "CaseStatus", "Sensitivity", uuid, integer);

UPDATE "RollupCaseCount" r SET "people" = x.people
  FROM (SELECT "teamId", status, sensitivity, coalesce("caseworkerId", '00000000-0000-0000-0000-000000000000'::uuid) AS worker, sum("householdSize") AS people
          FROM "Case" GROUP BY 1, 2, 3, 4) x
 WHERE r."teamId" = x."teamId" AND r.status = x.status AND r.sensitivity = x.sensitivity AND r."caseworkerId" = x.worker;
