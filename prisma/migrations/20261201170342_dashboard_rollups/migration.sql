-- CreateTable
CREATE TABLE "RollupCaseCount" (
    "teamId" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "sensitivity" "Sensitivity" NOT NULL,
    "caseworkerId" UUID NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupCaseCount_pkey" PRIMARY KEY ("teamId","status","sensitivity","caseworkerId")
);

-- CreateTable
CREATE TABLE "RollupNewCases" (
    "teamId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "nationality" TEXT NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupNewCases_pkey" PRIMARY KEY ("teamId","day","nationality")
);

-- CreateTable
CREATE TABLE "RollupArrivals" (
    "teamId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "nationality" TEXT NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupArrivals_pkey" PRIMARY KEY ("teamId","day","nationality")
);

-- CreateTable
CREATE TABLE "RollupOpenProceedings" (
    "teamId" UUID NOT NULL,
    "type" "ProceedingType" NOT NULL,
    "stage" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupOpenProceedings_pkey" PRIMARY KEY ("teamId","type","stage")
);


-- The rollups are kept by the triggers below, in the same transaction as
-- the change that moves them: whoever writes a case, a journey or a
-- proceeding (the app, an import, a merge, the retention run, psql), the
-- figures follow. Rows that fall to zero stay (the figures skip them).

CREATE FUNCTION waypoint_bangkok_day(at timestamp) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$ SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Bangkok')::date $$;

CREATE FUNCTION waypoint_rollup_case_count(team uuid, st "CaseStatus", sens "Sensitivity", worker uuid, delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupCaseCount" ("teamId", "status", "sensitivity", "caseworkerId", "count")
  VALUES (team, st, sens, coalesce(worker, '00000000-0000-0000-0000-000000000000'::uuid), delta)
  ON CONFLICT ("teamId", "status", "sensitivity", "caseworkerId") DO UPDATE SET "count" = "RollupCaseCount"."count" + excluded."count"
$$;

CREATE FUNCTION waypoint_rollup_new_cases(team uuid, on_day date, nation text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupNewCases" ("teamId", "day", "nationality", "households", "people") VALUES (team, on_day, nation, households, people)
  ON CONFLICT ("teamId", "day", "nationality") DO UPDATE
    SET "households" = "RollupNewCases"."households" + excluded."households", "people" = "RollupNewCases"."people" + excluded."people"
$$;

CREATE FUNCTION waypoint_rollup_arrivals(team uuid, on_day date, nation text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupArrivals" ("teamId", "day", "nationality", "households", "people") VALUES (team, on_day, nation, households, people)
  ON CONFLICT ("teamId", "day", "nationality") DO UPDATE
    SET "households" = "RollupArrivals"."households" + excluded."households", "people" = "RollupArrivals"."people" + excluded."people"
$$;

CREATE FUNCTION waypoint_rollup_open_proceedings(team uuid, kind "ProceedingType", at_stage text, delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupOpenProceedings" ("teamId", "type", "stage", "count") VALUES (team, kind, at_stage, delta)
  ON CONFLICT ("teamId", "type", "stage") DO UPDATE SET "count" = "RollupOpenProceedings"."count" + excluded."count"
$$;

-- A case counts in cases by status, new cases, and (with its journey) arrivals.
CREATE FUNCTION waypoint_rollup_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."teamId", OLD.status, OLD.sensitivity, OLD."caseworkerId", OLD."openedAt", OLD.nationality, OLD."householdSize")
       IS NOT DISTINCT FROM (NEW."teamId", NEW.status, NEW.sensitivity, NEW."caseworkerId", NEW."openedAt", NEW.nationality, NEW."householdSize") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM waypoint_rollup_case_count(OLD."teamId", OLD.status, OLD.sensitivity, OLD."caseworkerId", -1);
    PERFORM waypoint_rollup_new_cases(OLD."teamId", waypoint_bangkok_day(OLD."openedAt"), OLD.nationality, -1, -OLD."householdSize");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM waypoint_rollup_case_count(NEW."teamId", NEW.status, NEW.sensitivity, NEW."caseworkerId", 1);
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

CREATE TRIGGER "Case_rollups" AFTER INSERT OR UPDATE OR DELETE ON "Case"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_case();

-- A deleted case's arrival goes before its journey is deleted with it (the
-- journey's own trigger then finds no case, and counts nothing twice).
CREATE FUNCTION waypoint_rollup_case_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waypoint_rollup_arrivals(OLD."teamId", j."entryDate", OLD.nationality, -1, -OLD."householdSize")
     FROM "Journey" j WHERE j."caseId" = OLD.id AND j."entryDate" IS NOT NULL;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "Case_rollups_deleted" BEFORE DELETE ON "Case"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_case_deleted();

CREATE FUNCTION waypoint_rollup_journey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."entryDate" IS NOT DISTINCT FROM NEW."entryDate" AND OLD."caseId" = NEW."caseId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."entryDate" IS NOT NULL THEN
    PERFORM waypoint_rollup_arrivals(c."teamId", OLD."entryDate", c.nationality, -1, -c."householdSize") FROM "Case" c WHERE c.id = OLD."caseId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."entryDate" IS NOT NULL THEN
    PERFORM waypoint_rollup_arrivals(c."teamId", NEW."entryDate", c.nationality, 1, c."householdSize") FROM "Case" c WHERE c.id = NEW."caseId";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Journey_rollups" AFTER INSERT OR UPDATE OR DELETE ON "Journey"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_journey();

-- An open proceeding counts at its stage, in the team it carries.
CREATE FUNCTION waypoint_rollup_proceeding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."teamId", OLD.type, OLD.stage, OLD.closed) IS NOT DISTINCT FROM (NEW."teamId", NEW.type, NEW.stage, NEW.closed) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.closed AND OLD."teamId" IS NOT NULL THEN
    PERFORM waypoint_rollup_open_proceedings(OLD."teamId", OLD.type, OLD.stage, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.closed AND NEW."teamId" IS NOT NULL THEN
    PERFORM waypoint_rollup_open_proceedings(NEW."teamId", NEW.type, NEW.stage, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Proceeding_rollups" AFTER INSERT OR UPDATE OR DELETE ON "Proceeding"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_proceeding();

-- What is already recorded.
INSERT INTO "RollupCaseCount" ("teamId", "status", "sensitivity", "caseworkerId", "count")
  SELECT "teamId", status, sensitivity, coalesce("caseworkerId", '00000000-0000-0000-0000-000000000000'::uuid), count(*) FROM "Case" GROUP BY 1, 2, 3, 4;
INSERT INTO "RollupNewCases" ("teamId", "day", "nationality", "households", "people")
  SELECT "teamId", waypoint_bangkok_day("openedAt"), nationality, count(*), sum("householdSize") FROM "Case" GROUP BY 1, 2, 3;
INSERT INTO "RollupArrivals" ("teamId", "day", "nationality", "households", "people")
  SELECT c."teamId", j."entryDate", c.nationality, count(*), sum(c."householdSize")
    FROM "Journey" j JOIN "Case" c ON c.id = j."caseId" WHERE j."entryDate" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "RollupOpenProceedings" ("teamId", "type", "stage", "count")
  SELECT "teamId", type, stage, count(*) FROM "Proceeding" WHERE NOT closed AND "teamId" IS NOT NULL GROUP BY 1, 2, 3;
