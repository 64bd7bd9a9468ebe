-- CreateEnum
CREATE TYPE "RollupGrain" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "teamId" UUID;

-- Hand-written: the day rollups are rebuilt below with their month buckets.
TRUNCATE "RollupNewCases", "RollupArrivals";

-- AlterTable
ALTER TABLE "RollupNewCases" DROP CONSTRAINT "RollupNewCases_pkey",
DROP COLUMN "day",
ADD COLUMN     "grain" "RollupGrain" NOT NULL,
ADD COLUMN     "startsOn" DATE NOT NULL,
ADD CONSTRAINT "RollupNewCases_pkey" PRIMARY KEY ("teamId", "grain", "startsOn", "nationality");

-- AlterTable
ALTER TABLE "RollupArrivals" DROP CONSTRAINT "RollupArrivals_pkey",
DROP COLUMN "day",
ADD COLUMN     "grain" "RollupGrain" NOT NULL,
ADD COLUMN     "startsOn" DATE NOT NULL,
ADD CONSTRAINT "RollupArrivals_pkey" PRIMARY KEY ("teamId", "grain", "startsOn", "nationality");

-- CreateTable
CREATE TABLE "Stay" (
    "proceedingId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "teamId" UUID,
    "type" "ProceedingType" NOT NULL,
    "stage" TEXT NOT NULL,
    "endedOn" DATE NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "Stay_pkey" PRIMARY KEY ("proceedingId","seq")
);

-- CreateTable
CREATE TABLE "RollupStays" (
    "teamId" UUID NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "startsOn" DATE NOT NULL,
    "type" "ProceedingType" NOT NULL,
    "stage" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "stays" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupStays_pkey" PRIMARY KEY ("teamId","grain","startsOn","type","stage","days")
);

-- CreateTable
CREATE TABLE "Departure" (
    "stageChangeId" UUID NOT NULL,
    "proceedingId" UUID NOT NULL,
    "teamId" UUID,
    "occurredOn" DATE NOT NULL,
    "destination" TEXT NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "Departure_pkey" PRIMARY KEY ("stageChangeId")
);

-- CreateTable
CREATE TABLE "RollupDepartures" (
    "teamId" UUID NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "startsOn" DATE NOT NULL,
    "destination" TEXT NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupDepartures_pkey" PRIMARY KEY ("teamId","grain","startsOn","destination")
);

-- CreateIndex
CREATE INDEX "Departure_proceedingId_idx" ON "Departure"("proceedingId");

-- AddForeignKey
ALTER TABLE "Stay" ADD CONSTRAINT "Stay_proceedingId_fkey" FOREIGN KEY ("proceedingId") REFERENCES "Proceeding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Departure" ADD CONSTRAINT "Departure_stageChangeId_fkey" FOREIGN KEY ("stageChangeId") REFERENCES "StageChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written from here.
--
-- Figures over long periods read whole months and years: the day rollups
-- also keep a row per month (and the stay histogram per year), written by
-- the same functions, so the two always agree (lib/dashboard/buckets.ts
-- picks the buckets that tile a period).

CREATE FUNCTION waypoint_buckets(on_day date, grains "RollupGrain"[]) RETURNS TABLE (grain "RollupGrain", "startsOn" date)
  LANGUAGE sql IMMUTABLE AS $$
  SELECT g, CASE g WHEN 'DAY' THEN on_day
                   WHEN 'MONTH' THEN date_trunc('month', on_day::timestamp)::date
                   ELSE date_trunc('year', on_day::timestamp)::date END
    FROM unnest(grains) g
$$;

CREATE OR REPLACE FUNCTION waypoint_rollup_new_cases(team uuid, on_day date, nation text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupNewCases" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT team, b.grain, b."startsOn", nation, households, people FROM waypoint_buckets(on_day, '{DAY,MONTH}') b
  ON CONFLICT ("teamId", "grain", "startsOn", "nationality") DO UPDATE
    SET "households" = "RollupNewCases"."households" + excluded."households", "people" = "RollupNewCases"."people" + excluded."people"
$$;

CREATE OR REPLACE FUNCTION waypoint_rollup_arrivals(team uuid, on_day date, nation text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupArrivals" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT team, b.grain, b."startsOn", nation, households, people FROM waypoint_buckets(on_day, '{DAY,MONTH}') b
  ON CONFLICT ("teamId", "grain", "startsOn", "nationality") DO UPDATE
    SET "households" = "RollupArrivals"."households" + excluded."households", "people" = "RollupArrivals"."people" + excluded."people"
$$;

-- A proceeding's completed stays, from its stage history: a stay runs from
-- a move made for the case to the next such move; a programme's hold and
-- resumption (programmeHold) belong to the stay they interrupted, and the
-- days spent on hold are not counted. A stay is complete once every move in
-- it has been left. `seq` numbers the stays in the order they were recorded.
CREATE FUNCTION waypoint_stays_of(proceeding uuid)
  RETURNS TABLE (seq integer, type "ProceedingType", stage text, "endedOn" date, days integer)
  LANGUAGE sql STABLE AS $$
  WITH numbered AS (
    SELECT sc."toStage", sc."programmeHold", sc."occurredOn", sc."leftOn",
           sum(CASE WHEN sc."programmeHold" THEN 0 ELSE 1 END) OVER (ORDER BY sc.at, sc.id) AS stay
      FROM "StageChange" sc WHERE sc."proceedingId" = proceeding
  )
  SELECT n.stay::integer, (SELECT p.type FROM "Proceeding" p WHERE p.id = proceeding),
         min(n."toStage") FILTER (WHERE NOT n."programmeHold"), max(n."leftOn"),
         (sum(n."leftOn" - n."occurredOn") FILTER (WHERE NOT (n."programmeHold" AND n."toStage" = 'ON_HOLD')))::integer
    FROM numbered n
   GROUP BY n.stay
  HAVING bool_and(n."leftOn" IS NOT NULL) AND count(*) FILTER (WHERE NOT n."programmeHold") > 0
$$;

-- A proceeding's departures: a transfer to Korea or a resettlement reaching
-- DEPARTED, with where to and the household's size.
CREATE FUNCTION waypoint_departures_of(proceeding uuid)
  RETURNS TABLE ("stageChangeId" uuid, "teamId" uuid, "occurredOn" date, destination text, people integer)
  LANGUAGE sql STABLE AS $$
  SELECT sc.id, p."teamId", sc."occurredOn",
         CASE WHEN p.type = 'TRANSFER_TO_KOREA' THEN 'KR' ELSE coalesce(pr.country, '??') END, c."householdSize"
    FROM "StageChange" sc JOIN "Proceeding" p ON p.id = sc."proceedingId" JOIN "Case" c ON c.id = p."caseId"
    LEFT JOIN "Programme" pr ON pr.id = p."programmeId"
   WHERE sc."proceedingId" = proceeding AND sc."toStage" = 'DEPARTED' AND p.type IN ('TRANSFER_TO_KOREA', 'RESETTLEMENT')
$$;

-- Brings a proceeding's Stay and Departure rows in line with what its
-- history, team, case and programme say now: rows that differ go, missing
-- ones come (so an unchanged history writes nothing). Their own triggers
-- then move the histograms.
CREATE FUNCTION waypoint_sync_proceeding_facts(proceeding uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  team uuid;
BEGIN
  SELECT "teamId" INTO team FROM "Proceeding" WHERE id = proceeding;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  DELETE FROM "Stay" s USING (
    SELECT x.seq, x."teamId", x.type, x.stage, x."endedOn", x.days FROM "Stay" x WHERE x."proceedingId" = proceeding
    EXCEPT SELECT w.seq, team, w.type, w.stage, w."endedOn", w.days FROM waypoint_stays_of(proceeding) w
  ) stale WHERE s."proceedingId" = proceeding AND s.seq = stale.seq;
  INSERT INTO "Stay" ("proceedingId", seq, "teamId", type, stage, "endedOn", days)
    SELECT proceeding, w.seq, team, w.type, w.stage, w."endedOn", w.days FROM waypoint_stays_of(proceeding) w
    ON CONFLICT ("proceedingId", seq) DO NOTHING;

  DELETE FROM "Departure" d USING (
    SELECT x."stageChangeId", x."teamId", x."occurredOn", x.destination, x.people FROM "Departure" x WHERE x."proceedingId" = proceeding
    EXCEPT SELECT w."stageChangeId", w."teamId", w."occurredOn", w.destination, w.people FROM waypoint_departures_of(proceeding) w
  ) stale WHERE d."stageChangeId" = stale."stageChangeId";
  INSERT INTO "Departure" ("stageChangeId", "proceedingId", "teamId", "occurredOn", destination, people)
    SELECT w."stageChangeId", proceeding, w."teamId", w."occurredOn", w.destination, w.people FROM waypoint_departures_of(proceeding) w
    ON CONFLICT ("stageChangeId") DO NOTHING;
END;
$$;

-- What moves a proceeding's stays or departures: a new stage change, the
-- proceeding's team, type, case or programme, its case's household size,
-- its programme's country. Deletion cascades to Stay and Departure.
CREATE FUNCTION waypoint_stage_changes_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waypoint_sync_proceeding_facts(x.id) FROM (SELECT DISTINCT "proceedingId" AS id FROM inserted) x;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "StageChange_facts" AFTER INSERT ON "StageChange"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION waypoint_stage_changes_facts();

CREATE FUNCTION waypoint_proceeding_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waypoint_sync_proceeding_facts(NEW.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Proceeding_facts" AFTER UPDATE ON "Proceeding" FOR EACH ROW
  WHEN ((OLD."teamId", OLD.type, OLD."programmeId", OLD."caseId") IS DISTINCT FROM (NEW."teamId", NEW.type, NEW."programmeId", NEW."caseId"))
  EXECUTE FUNCTION waypoint_proceeding_facts();

CREATE FUNCTION waypoint_case_household_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waypoint_sync_proceeding_facts(p.id) FROM "Proceeding" p WHERE p."caseId" = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Case_household_facts" AFTER UPDATE ON "Case" FOR EACH ROW
  WHEN (OLD."householdSize" IS DISTINCT FROM NEW."householdSize")
  EXECUTE FUNCTION waypoint_case_household_facts();

CREATE FUNCTION waypoint_programme_country_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waypoint_sync_proceeding_facts(p.id) FROM "Proceeding" p WHERE p."programmeId" = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Programme_country_facts" AFTER UPDATE ON "Programme" FOR EACH ROW
  WHEN (OLD.country IS DISTINCT FROM NEW.country)
  EXECUTE FUNCTION waypoint_programme_country_facts();

-- The histograms.
CREATE FUNCTION waypoint_rollup_stays(team uuid, kind "ProceedingType", at_stage text, ended date, length integer, delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupStays" ("teamId", grain, "startsOn", type, stage, days, stays)
  SELECT team, b.grain, b."startsOn", kind, at_stage, length, delta FROM waypoint_buckets(ended, '{DAY,MONTH,YEAR}') b
  ON CONFLICT ("teamId", grain, "startsOn", type, stage, days) DO UPDATE SET stays = "RollupStays".stays + excluded.stays
$$;

CREATE FUNCTION waypoint_rollup_stay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."teamId" IS NOT NULL THEN
    PERFORM waypoint_rollup_stays(OLD."teamId", OLD.type, OLD.stage, OLD."endedOn", OLD.days, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."teamId" IS NOT NULL THEN
    PERFORM waypoint_rollup_stays(NEW."teamId", NEW.type, NEW.stage, NEW."endedOn", NEW.days, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Stay_rollups" AFTER INSERT OR UPDATE OR DELETE ON "Stay"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_stay();

CREATE FUNCTION waypoint_rollup_departures(team uuid, on_day date, place text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupDepartures" ("teamId", grain, "startsOn", destination, households, people)
  SELECT team, b.grain, b."startsOn", place, households, people FROM waypoint_buckets(on_day, '{DAY,MONTH}') b
  ON CONFLICT ("teamId", grain, "startsOn", destination) DO UPDATE
    SET households = "RollupDepartures".households + excluded.households, people = "RollupDepartures".people + excluded.people
$$;

CREATE FUNCTION waypoint_rollup_departure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."teamId" IS NOT NULL THEN
    PERFORM waypoint_rollup_departures(OLD."teamId", OLD."occurredOn", OLD.destination, -1, -OLD.people);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."teamId" IS NOT NULL THEN
    PERFORM waypoint_rollup_departures(NEW."teamId", NEW."occurredOn", NEW.destination, 1, NEW.people);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Departure_rollups" AFTER INSERT OR UPDATE OR DELETE ON "Departure"
  FOR EACH ROW EXECUTE FUNCTION waypoint_rollup_departure();

-- A task carries its case's team, so a team's open tasks (the dashboard's
-- overdue work) are read from one partial index.
CREATE FUNCTION "task_copy_team"() RETURNS trigger AS $$
BEGIN
  NEW."teamId" := (SELECT "teamId" FROM "Case" WHERE id = NEW."caseId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Task_team"
  BEFORE INSERT OR UPDATE OF "caseId" ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "task_copy_team"();

CREATE OR REPLACE FUNCTION "case_team_to_proceedings"() RETURNS trigger AS $$
BEGIN
  UPDATE "Proceeding" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  UPDATE "Task" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE INDEX "Task_open_teamId_dueOn_idx" ON "Task" ("teamId", "dueOn") INCLUDE ("assigneeId") WHERE "completedAt" IS NULL;

-- Open detention is read from the few open episodes, not the team's cases.
CREATE INDEX "DetentionEpisode_open_caseId_idx" ON "DetentionEpisode" ("caseId") WHERE "releasedOn" IS NULL;

-- What is already recorded.
UPDATE "Task" t SET "teamId" = c."teamId" FROM "Case" c WHERE c.id = t."caseId";
INSERT INTO "RollupNewCases" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT c."teamId", b.grain, b."startsOn", c.nationality, count(*), sum(c."householdSize")
    FROM "Case" c, waypoint_buckets(waypoint_bangkok_day(c."openedAt"), '{DAY,MONTH}') b GROUP BY 1, 2, 3, 4;
INSERT INTO "RollupArrivals" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT c."teamId", b.grain, b."startsOn", c.nationality, count(*), sum(c."householdSize")
    FROM "Journey" j JOIN "Case" c ON c.id = j."caseId", waypoint_buckets(j."entryDate", '{DAY,MONTH}') b
   WHERE j."entryDate" IS NOT NULL GROUP BY 1, 2, 3, 4;
SELECT waypoint_sync_proceeding_facts(id) FROM "Proceeding";
