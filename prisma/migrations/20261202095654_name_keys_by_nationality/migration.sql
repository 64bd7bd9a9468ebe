-- DropIndex
DROP INDEX "Person_nameKeys_idx";


-- The name keys in two partial trigram indexes, by the folding their
-- spellings were made with (waypoint_name_keys folds Romanised Korean
-- variants for nationality KP only). A search compares a key folded the
-- Korean way with North Koreans' spellings only, and a key as typed with
-- everyone else's (lib/people/name-keys.ts): it then reads only that side's
-- index, and a Korean folding ("Duc" read as "Tuc") no longer finds
-- unrelated names of other nationalities.
CREATE INDEX "Person_nameKeys_korean_idx" ON "Person" USING GIN ("nameKeys" gin_trgm_ops) WHERE nationality = 'KP';
CREATE INDEX "Person_nameKeys_other_idx" ON "Person" USING GIN ("nameKeys" gin_trgm_ops) WHERE nationality <> 'KP';
