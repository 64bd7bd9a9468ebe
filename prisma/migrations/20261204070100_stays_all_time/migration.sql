-- Hand-written: the stay histogram also kept for all time, so time in stage
-- over every year a team has data for reads one row per stage and length
-- instead of one per year, stage and length.
--
-- Since 2015 the bench's team of 50,000 cases has some 7,900 year, month
-- and day rows for 600 distinct stage lengths; summing them cost 2.5 ms of
-- the database's time a view (more under load). A period that covers
-- every year the teams' stays ended in reads the all-time rows less the
-- days of its first and last years outside it (lib/dashboard/figures.ts).
--
-- The all-time bucket starts on -infinity: it has no first day.

CREATE OR REPLACE FUNCTION waypoint_buckets(on_day date, grains "RollupGrain"[]) RETURNS TABLE (grain "RollupGrain", "startsOn" date)
  LANGUAGE sql IMMUTABLE AS $$
  SELECT g, CASE g WHEN 'DAY' THEN on_day
                   WHEN 'MONTH' THEN date_trunc('month', on_day::timestamp)::date
                   WHEN 'YEAR' THEN date_trunc('year', on_day::timestamp)::date
                   ELSE '-infinity'::date END
    FROM unnest(grains) g
$$;

CREATE OR REPLACE FUNCTION waypoint_rollup_stays(team uuid, kind "ProceedingType", at_stage text, ended date, length integer, delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupStays" ("teamId", grain, "startsOn", type, stage, days, stays)
  SELECT team, b.grain, b."startsOn", kind, at_stage, length, delta FROM waypoint_buckets(ended, '{DAY,MONTH,YEAR,ALL}') b
  ON CONFLICT ("teamId", grain, "startsOn", type, stage, days) DO UPDATE SET stays = "RollupStays".stays + excluded.stays
$$;

-- What is already recorded: every stay is in exactly one year row.
INSERT INTO "RollupStays" ("teamId", grain, "startsOn", type, stage, days, stays)
  SELECT "teamId", 'ALL', '-infinity'::date, type, stage, days, sum(stays)
    FROM "RollupStays" WHERE grain = 'YEAR' GROUP BY "teamId", type, stage, days;
