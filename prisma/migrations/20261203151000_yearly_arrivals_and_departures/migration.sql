-- Hand-written: new cases, arrivals and departures are also kept by year,
-- as the stay histogram already is. Over a long period the dashboard shows
-- these figures per year: a period since 2015 read 140 months of rows for
-- each, and now reads eleven years and this year's months. The functions
-- are those of 20261201190014_dashboard_rollups_by_period with the year
-- bucket added; the year rows of what is already counted are summed from
-- its month rows, which tile each year.

CREATE OR REPLACE FUNCTION waypoint_rollup_new_cases(team uuid, on_day date, nation text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupNewCases" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT team, b.grain, b."startsOn", nation, households, people FROM waypoint_buckets(on_day, '{DAY,MONTH,YEAR}') b
  ON CONFLICT ("teamId", "grain", "startsOn", "nationality") DO UPDATE
    SET "households" = "RollupNewCases"."households" + excluded."households", "people" = "RollupNewCases"."people" + excluded."people"
$$;

CREATE OR REPLACE FUNCTION waypoint_rollup_arrivals(team uuid, on_day date, nation text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupArrivals" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT team, b.grain, b."startsOn", nation, households, people FROM waypoint_buckets(on_day, '{DAY,MONTH,YEAR}') b
  ON CONFLICT ("teamId", "grain", "startsOn", "nationality") DO UPDATE
    SET "households" = "RollupArrivals"."households" + excluded."households", "people" = "RollupArrivals"."people" + excluded."people"
$$;

CREATE OR REPLACE FUNCTION waypoint_rollup_departures(team uuid, on_day date, place text, households integer, people integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO "RollupDepartures" ("teamId", grain, "startsOn", destination, households, people)
  SELECT team, b.grain, b."startsOn", place, households, people FROM waypoint_buckets(on_day, '{DAY,MONTH,YEAR}') b
  ON CONFLICT ("teamId", grain, "startsOn", destination) DO UPDATE
    SET households = "RollupDepartures".households + excluded.households, people = "RollupDepartures".people + excluded.people
$$;

INSERT INTO "RollupNewCases" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT "teamId", 'YEAR', date_trunc('year', "startsOn")::date, "nationality", sum("households"), sum("people")
  FROM "RollupNewCases" WHERE "grain" = 'MONTH' GROUP BY 1, 3, 4;
INSERT INTO "RollupArrivals" ("teamId", "grain", "startsOn", "nationality", "households", "people")
  SELECT "teamId", 'YEAR', date_trunc('year', "startsOn")::date, "nationality", sum("households"), sum("people")
  FROM "RollupArrivals" WHERE "grain" = 'MONTH' GROUP BY 1, 3, 4;
INSERT INTO "RollupDepartures" ("teamId", grain, "startsOn", destination, households, people)
  SELECT "teamId", 'YEAR', date_trunc('year', "startsOn")::date, destination, sum(households), sum(people)
  FROM "RollupDepartures" WHERE grain = 'MONTH' GROUP BY 1, 3, 4;
