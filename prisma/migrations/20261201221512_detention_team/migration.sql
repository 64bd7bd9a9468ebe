-- AlterTable
ALTER TABLE "DetentionEpisode" ADD COLUMN     "teamId" UUID;

-- CreateIndex
CREATE INDEX "DetentionEpisode_teamId_releasedOn_startedOn_idx" ON "DetentionEpisode"("teamId", "releasedOn", "startedOn");


-- Hand-written: a detention episode carries its case's team, copied on
-- insert and when it moves to another case (a merge), and updated when the
-- case moves to another team, as proceedings and tasks do.
CREATE FUNCTION "detention_copy_team"() RETURNS trigger AS $$
BEGIN
  NEW."teamId" := (SELECT "teamId" FROM "Case" WHERE id = NEW."caseId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DetentionEpisode_team"
  BEFORE INSERT OR UPDATE OF "caseId" ON "DetentionEpisode"
  FOR EACH ROW EXECUTE FUNCTION "detention_copy_team"();

CREATE OR REPLACE FUNCTION "case_team_to_proceedings"() RETURNS trigger AS $$
BEGIN
  UPDATE "Proceeding" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  UPDATE "Task" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  UPDATE "DetentionEpisode" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

UPDATE "DetentionEpisode" d SET "teamId" = c."teamId" FROM "Case" c WHERE c.id = d."caseId";
