-- CreateEnum
CREATE TYPE "ReferralService" AS ENUM ('MEDICAL', 'LEGAL', 'EDUCATION', 'SHELTER', 'LIVELIHOOD', 'PSYCHOSOCIAL');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "documentNumber" TEXT,
ADD COLUMN     "nameKeys" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "services" "ReferralService"[],
    "teamId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "service" "ReferralService" NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "reason" TEXT NOT NULL,
    "sections" TEXT[],
    "identifying" BOOLEAN NOT NULL DEFAULT false,
    "consentBy" TEXT,
    "consentOn" DATE,
    "consentPurpose" TEXT,
    "overrideReason" TEXT,
    "overrideById" UUID,
    "shared" JSONB NOT NULL,
    "statusNote" TEXT,
    "statusById" UUID,
    "statusAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_name_key" ON "Partner"("name");

-- CreateIndex
CREATE INDEX "Referral_caseId_createdAt_idx" ON "Referral"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_partnerId_status_createdAt_idx" ON "Referral"("partnerId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Person_nameKeys_idx" ON "Person" USING GIN ("nameKeys" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_documentNumber_idx" ON "Person"("documentNumber");

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: the names the duplicate check compares (lib/people/duplicates.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Korean surnames have many Romanised spellings (Lee, Yi, Rhee, Ri): each
-- maps to one form so the spellings compare equal.
CREATE OR REPLACE FUNCTION waypoint_korean_surname(token text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN token IN ('lee','yi','rhee','ri','rhie','ree','i','ie') THEN 'i'
    WHEN token IN ('kim','gim','ghim') THEN 'kim'
    WHEN token IN ('park','pak','bak','pack','bahk','paik') THEN 'pak'
    WHEN token IN ('choi','choe','chey','choy','chwe') THEN 'choe'
    WHEN token IN ('jung','jeong','chung','joung','jong','cheong','chong') THEN 'jong'
    WHEN token IN ('kang','gang','khang') THEN 'kang'
    WHEN token IN ('cho','jo','joh','choh') THEN 'jo'
    WHEN token IN ('yoon','yun','youn') THEN 'yun'
    WHEN token IN ('jang','chang') THEN 'jang'
    WHEN token IN ('lim','im','rim','leem') THEN 'im'
    WHEN token IN ('oh','o') THEN 'o'
    WHEN token IN ('seo','suh','so','sur') THEN 'so'
    WHEN token IN ('shin','sin','shinn') THEN 'sin'
    WHEN token IN ('kwon','gwon','kweon') THEN 'kwon'
    WHEN token IN ('ahn','an') THEN 'an'
    WHEN token IN ('ryu','yoo','yu','ryoo','rhyu','you') THEN 'yu'
    WHEN token IN ('jeon','jun','chon','jon','chun') THEN 'jon'
    WHEN token IN ('ko','go','koh') THEN 'ko'
    WHEN token IN ('moon','mun') THEN 'mun'
    WHEN token IN ('bae','pae','bai') THEN 'pae'
    WHEN token IN ('baek','paek','back','baik') THEN 'paek'
    WHEN token IN ('heo','hur','huh','ho','hoh') THEN 'ho'
    WHEN token IN ('noh','no','roh','ro') THEN 'no'
    WHEN token IN ('kwak','gwak') THEN 'kwak'
    WHEN token IN ('son','sohn') THEN 'son'
    WHEN token IN ('yang','ryang') THEN 'yang'
    WHEN token IN ('ra','na','nah') THEN 'na'
    ELSE NULL
  END
$$;

-- Any other Romanised Korean syllables: the letters that Revised
-- Romanisation, McCune-Reischauer and everyday spellings disagree on.
CREATE OR REPLACE FUNCTION waypoint_korean_token(token text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    waypoint_korean_surname(token),
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(token,
      'eo|oe', 'o', 'g'),
      'eu|oo', 'u', 'g'),
      -- 희: hui, hee, hi, heui
      'ee|ui', 'i', 'g'),
      'sh', 's', 'g'),
      'tch|ch|jj', 'j', 'g'),
      '([^n])g|^g', '\1k', 'g'),
      'b', 'p', 'g'),
      'd', 't', 'g'),
      'r', 'l', 'g'),
      '(.)\1', '\1', 'g'))
$$;

-- One spelling of a name as comparable text: lower case, accents removed
-- (unaccent: Nguyễn → nguyen, Đ → d), punctuation and hyphens as spaces.
CREATE OR REPLACE FUNCTION waypoint_name_tokens(name text, korean boolean) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
-- unaccent finds its dictionary through the search path: pin it, so the
-- trigger works for every caller (pg_restore runs with an empty path).
SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(CASE WHEN korean THEN waypoint_korean_token(t) ELSE t END ORDER BY n), '{}')
  FROM unnest(regexp_split_to_array(
         btrim(regexp_replace(lower(unaccent(coalesce(name, ''))), '[[:space:]\-‐‑–—_.,;:''’`"()/\\]+', ' ', 'g')), ' ')
       ) WITH ORDINALITY AS parts(t, n)
  WHERE t <> ''
$$;

-- The spellings a name is compared under: its words in alphabetical order
-- (family name first or last), and run together (Jong-un, Jong Un, Jongun).
CREATE OR REPLACE FUNCTION waypoint_name_keys(names text[], korean boolean) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
    SELECT unnest(ARRAY[
      array_to_string(ARRAY(SELECT unnest(tokens) ORDER BY 1), ' '),
      array_to_string(tokens, '')
    ]) AS k
    FROM (SELECT waypoint_name_tokens(n, korean) AS tokens FROM unnest(names) AS n) AS spelled
    WHERE cardinality(tokens) > 0
  ) AS keys
$$;

-- Keeps "nameKeys" in step with the names, whoever writes them (intake,
-- edits, imports, merges, erasure). North Korean names get the Romanised
-- Korean spellings folded together.
CREATE OR REPLACE FUNCTION waypoint_person_name_keys() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp AS $$
BEGIN
  NEW."nameKeys" := array_to_string(
    waypoint_name_keys(ARRAY[NEW."latinName", NEW."nativeName"] || coalesce(NEW.aliases, '{}'), NEW.nationality = 'KP'),
    ' | ');
  RETURN NEW;
END
$$;

CREATE TRIGGER person_name_keys
  BEFORE INSERT OR UPDATE OF "latinName", "nativeName", aliases, nationality ON "Person"
  FOR EACH ROW EXECUTE FUNCTION waypoint_person_name_keys();

-- People registered before this migration.
UPDATE "Person" SET "latinName" = "latinName";
