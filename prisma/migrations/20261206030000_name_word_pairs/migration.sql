-- A person's name words now also hold every two of them as a pair ("duc
-- nguyen", in alphabetical order, joined by a space, which no word holds).
-- A search of several words looks up their pairs rather than the words
-- themselves: common words have long lists in the GIN index ("nguyen",
-- "van" and "duc" some 10,000 people each on the bench's data), and
-- PostgreSQL read all three to find the 209 people who have all of them,
-- where the list of "duc nguyen" holds those 209 already (1.1 → 0.4 ms).
-- The result is the same: every pair of the search's words is among a
-- person's pairs exactly when every word is among their words.

-- What a search's words are looked up by: the one word of a search of one
-- word, else every pair of its words; null for no words, which must match
-- no one (an empty array would be contained in everyone's). PL/pgSQL, not
-- SQL: a SQL function of subqueries is planned anew in every statement that
-- calls it (0.2 ms, twice a search), a PL/pgSQL one once per connection.
-- Each pair's two words are ordered by bytes ("C"), so a pair is spelled
-- the same whatever the database's collation.
CREATE OR REPLACE FUNCTION waypoint_name_word_keys(words text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  each_word text[] := '{}';
  keys text[] := '{}';
  w text;
  a text;
  b text;
BEGIN
  IF coalesce(cardinality(words), 0) = 0 THEN
    RETURN NULL;
  END IF;
  FOREACH w IN ARRAY words LOOP
    IF NOT w = ANY (each_word) THEN
      each_word := each_word || w;
    END IF;
  END LOOP;
  IF cardinality(each_word) = 1 THEN
    RETURN each_word;
  END IF;
  FOREACH a IN ARRAY each_word LOOP
    FOREACH b IN ARRAY each_word LOOP
      IF a COLLATE "C" < b COLLATE "C" THEN
        keys := keys || (a || ' ' || b);
      END IF;
    END LOOP;
  END LOOP;
  RETURN keys;
END
$$;

-- A person's words (as before: each name's words, and each name of several
-- words run together), with every two of them as a pair: the pairs made by
-- waypoint_name_word_keys, so a search's pairs and the stored ones are made
-- one way.
CREATE OR REPLACE FUNCTION waypoint_name_words(names text[], korean boolean) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = public, pg_temp AS $$
  SELECT ARRAY(SELECT DISTINCT k FROM unnest(each_word || coalesce(waypoint_name_word_keys(each_word), '{}')) AS k ORDER BY k)
  FROM (
    SELECT coalesce(array_agg(DISTINCT w), '{}') AS each_word FROM (
      SELECT unnest(tokens || CASE WHEN cardinality(tokens) > 1 THEN ARRAY[array_to_string(tokens, '')] ELSE '{}'::text[] END) AS w
      FROM (SELECT waypoint_name_tokens(n, korean) AS tokens FROM unnest(names) AS n) AS spelled
    ) AS every_word
  ) AS words
$$;

-- Everyone registered so far (the trigger fires on names only).
UPDATE "Person" SET "nameWords" = waypoint_name_words(ARRAY["latinName", "nativeName"] || coalesce(aliases, '{}'), nationality = 'KP');
