-- Names as people write them: invisible and direction-control characters
-- are removed from everything typed from now on (lib/forms.ts cleanText);
-- here from the names already stored, so "Zero<U+200B>Width" is found by
-- "ZeroWidth", matches in the duplicate check, and "…<U+202E>tset" shows as
-- typed. The name keys follow by their trigger; the search text is folded
-- from the names, so the same characters go from it too.
UPDATE "Person" SET
  "latinName" = regexp_replace("latinName", '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g'),
  "nativeName" = regexp_replace("nativeName", '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g'),
  "aliases" = ARRAY(SELECT regexp_replace(a, '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g') FROM unnest("aliases") a),
  "searchText" = regexp_replace("searchText", '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g')
WHERE concat_ws(' ', "latinName", "nativeName", array_to_string("aliases", ' '), "searchText") ~ '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]';

UPDATE "Case" SET
  "principalName" = regexp_replace("principalName", '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g'),
  "principalNativeName" = regexp_replace("principalNativeName", '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g')
WHERE concat_ws(' ', "principalName", "principalNativeName") ~ '[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]';
