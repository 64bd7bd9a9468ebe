-- CreateTable
CREATE TABLE "RollupProgrammeHolds" (
    "teamId" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "held" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupProgrammeHolds_pkey" PRIMARY KEY ("teamId","programmeId","held")
);

-- Hand-written: the dashboard's programme panel says, for every programme,
-- how many resettlements (and people) a suspension would hold and how many
-- one holds now. It counted them on every view: some 8,000 resettlements
-- in the benchmark's team, 5 ms of PostgreSQL a view, growing with the
-- caseload. Like the other rollups, these counts are kept by a trigger in
-- the same transaction as the change, whoever makes it.
--
-- Where a proceeding counts (NULL: nowhere). The conditions are
-- lib/programmes/suspension's HOLDABLE_SQL and RELEASABLE_SQL; a test keeps
-- the three equal.
CREATE FUNCTION waypoint_programme_hold_state(p "Proceeding") RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p."teamId" IS NULL OR p."programmeId" IS NULL THEN NULL
    WHEN p.stage = 'ON_HOLD' AND p."suspendedFromStage" IS NOT NULL THEN true
    WHEN p.type = 'RESETTLEMENT' AND NOT p.closed AND p.stage <> 'ON_HOLD' THEN false
  END
$$;

CREATE FUNCTION waypoint_rollup_programme_hold(team uuid, programme uuid, is_held boolean, delta integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupProgrammeHolds" ("teamId", "programmeId", "held", "count", "people") VALUES (team, programme, is_held, delta, delta * people)
  ON CONFLICT ("teamId", "programmeId", "held") DO UPDATE
    SET "count" = "RollupProgrammeHolds"."count" + excluded."count", "people" = "RollupProgrammeHolds"."people" + excluded."people"
$$;

CREATE FUNCTION waypoint_rollup_programme_holds() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  state boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."teamId", OLD."programmeId", OLD.type, OLD.closed, OLD.stage, OLD."suspendedFromStage", OLD."householdSize")
       IS NOT DISTINCT FROM (NEW."teamId", NEW."programmeId", NEW.type, NEW.closed, NEW.stage, NEW."suspendedFromStage", NEW."householdSize") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    state := waypoint_programme_hold_state(OLD);
    IF state IS NOT NULL THEN
      PERFORM waypoint_rollup_programme_hold(OLD."teamId", OLD."programmeId", state, -1, coalesce(OLD."householdSize", 0));
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    state := waypoint_programme_hold_state(NEW);
    IF state IS NOT NULL THEN
      PERFORM waypoint_rollup_programme_hold(NEW."teamId", NEW."programmeId", state, 1, coalesce(NEW."householdSize", 0));
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Proceeding_rollup_programme_holds" AFTER INSERT OR UPDATE OR DELETE ON "Proceeding"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_programme_holds();

INSERT INTO "RollupProgrammeHolds" ("teamId", "programmeId", "held", "count", "people")
  SELECT p."teamId", p."programmeId", waypoint_programme_hold_state(p), count(*), coalesce(sum(p."householdSize"), 0)
    FROM "Proceeding" p WHERE waypoint_programme_hold_state(p) IS NOT NULL GROUP BY 1, 2, 3;
