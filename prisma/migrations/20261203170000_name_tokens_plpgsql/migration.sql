-- Hand-written: a name's words (waypoint_name_tokens), the same words as
-- before, in PL/pgSQL as waypoint_name_keys already is. A SQL function
-- that cannot be inlined (this one sets its search path) has its body
-- planned again in every statement that calls it: the case list's name
-- search calls it once per search, and paid about 0.45 ms of planning for
-- a few microseconds of work. PL/pgSQL keeps its plans for the session.
-- Compared with the SQL version on every distinct name of the bench's
-- 250,000 people (and empty, punctuated and Korean names): the same words.
CREATE OR REPLACE FUNCTION waypoint_name_tokens(name text, korean boolean) RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
-- unaccent finds its dictionary through the search path: pin it, so the
-- trigger works for every caller (pg_restore runs with an empty path).
SET search_path = public, pg_temp AS $$
DECLARE
  word text;
  tokens text[] := '{}';
BEGIN
  FOREACH word IN ARRAY regexp_split_to_array(btrim(regexp_replace(lower(unaccent(coalesce(name, ''))), '[[:space:]\-‐‑–—_.,;:''’`"()/\\]+', ' ', 'g')), ' ') LOOP
    CONTINUE WHEN word = '';
    tokens := tokens || CASE WHEN korean THEN waypoint_korean_token(word) ELSE word END;
  END LOOP;
  RETURN tokens;
END;
$$;
