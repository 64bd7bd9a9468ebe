-- Hand-written: cases by status are also kept by nationality, so the case
-- list's totals for a supervisor's list narrowed by nationality ("Open,
-- Vietnamese": 10,000 cases of the bench's team of 50,000) are read from a
-- few rollup rows instead of counting the cases one by one at every view.
-- The rows are counted again from the cases below, so the table is emptied
-- first (the new key column has no value for the old rows).
DELETE FROM "RollupCaseCount";

-- AlterTable
ALTER TABLE "RollupCaseCount" DROP CONSTRAINT "RollupCaseCount_pkey",
ADD COLUMN     "nationality" TEXT NOT NULL,
ADD CONSTRAINT "RollupCaseCount_pkey" PRIMARY KEY ("teamId", "status", "sensitivity", "caseworkerId", "nationality");

CREATE FUNCTION waypoint_rollup_case_count(team uuid, st "CaseStatus", sens "Sensitivity", worker uuid, nation text, delta integer, people_delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupCaseCount" ("teamId", "status", "sensitivity", "caseworkerId", "nationality", "count", "people")
  VALUES (team, st, sens, coalesce(worker, '00000000-0000-0000-0000-000000000000'::uuid), nation, delta, people_delta)
  ON CONFLICT ("teamId", "status", "sensitivity", "caseworkerId", "nationality")
    DO UPDATE SET "count" = "RollupCaseCount"."count" + excluded."count", "people" = "RollupCaseCount"."people" + excluded."people"
$$;

-- As before (migration 20261201215128_case_list_and_agenda_indexes), with the case's nationality in its count.
CREATE OR REPLACE FUNCTION waypoint_rollup_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."teamId", OLD.status, OLD.sensitivity, OLD."caseworkerId", OLD."openedAt", OLD.nationality, OLD."householdSize")
       IS NOT DISTINCT FROM (NEW."teamId", NEW.status, NEW.sensitivity, NEW."caseworkerId", NEW."openedAt", NEW.nationality, NEW."householdSize") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM waypoint_rollup_case_count(OLD."teamId", OLD.status, OLD.sensitivity, OLD."caseworkerId", OLD.nationality, -1, -OLD."householdSize");
    PERFORM waypoint_rollup_new_cases(OLD."teamId", waypoint_bangkok_day(OLD."openedAt"), OLD.nationality, -1, -OLD."householdSize");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM waypoint_rollup_case_count(NEW."teamId", NEW.status, NEW.sensitivity, NEW."caseworkerId", NEW.nationality, 1, NEW."householdSize");
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

DROP FUNCTION waypoint_rollup_case_count(uuid, "CaseStatus", "Sensitivity", uuid, integer, integer);

INSERT INTO "RollupCaseCount" ("teamId", "status", "sensitivity", "caseworkerId", "nationality", "count", "people")
  SELECT "teamId", status, sensitivity, coalesce("caseworkerId", '00000000-0000-0000-0000-000000000000'::uuid), nationality, count(*), sum("householdSize")
    FROM "Case" GROUP BY 1, 2, 3, 4, 5;
