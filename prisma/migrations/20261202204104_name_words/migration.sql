-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "nameWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The words of a person's names, folded as their spellings are
-- (waypoint_name_tokens: accents, hyphens, and for North Koreans the
-- Romanised Korean variants), and each name of several words run together
-- ("Kim Chol-su" also as "kimcholsu"). The case list search finds the people
-- who have every word it was given in any order (lib/cases/queries.ts): a
-- GIN index on these answers that from its lists of people per word, where
-- comparing spellings by trigrams reads every person who shares a common
-- trigram ("ngu", "van").
CREATE OR REPLACE FUNCTION waypoint_name_words(names text[], korean boolean) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}') FROM (
    SELECT unnest(tokens || CASE WHEN cardinality(tokens) > 1 THEN ARRAY[array_to_string(tokens, '')] ELSE '{}'::text[] END) AS w
    FROM (SELECT waypoint_name_tokens(n, korean) AS tokens FROM unnest(names) AS n) AS spelled
  ) AS words
$$;

-- The trigger that keeps "nameKeys" now keeps "nameWords" too, from the same names.
CREATE OR REPLACE FUNCTION waypoint_person_name_keys() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp AS $$
DECLARE
  names text[] := ARRAY[NEW."latinName", NEW."nativeName"] || coalesce(NEW.aliases, '{}');
BEGIN
  NEW."nameKeys" := array_to_string(waypoint_name_keys(names, NEW.nationality = 'KP'), ' | ');
  NEW."nameWords" := waypoint_name_words(names, NEW.nationality = 'KP');
  RETURN NEW;
END
$$;

-- People registered before this migration (the trigger fires on names only, not on this column).
UPDATE "Person" SET "nameWords" = waypoint_name_words(ARRAY["latinName", "nativeName"] || coalesce(aliases, '{}'), nationality = 'KP');

-- CreateIndex
CREATE INDEX "Person_nameWords_idx" ON "Person" USING GIN ("nameWords");
