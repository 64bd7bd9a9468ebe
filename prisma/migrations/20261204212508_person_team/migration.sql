-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "teamId" UUID;


-- Hand-written: a person carries their case's team, as proceedings, tasks
-- and detention episodes do: copied on insert and when the person moves to
-- another case (a merge), and updated when the case moves to another team.
-- A supervisor's name search (lib/cases/queries.ts, teamSearch) keeps its
-- team's people as it reads them, rather than reading each matching
-- person's case to learn its team: on the bench's team of 50,000 cases, a
-- third of the 2,400 buffers the search read were other teams' cases.
CREATE FUNCTION "person_copy_team"() RETURNS trigger AS $$
BEGIN
  NEW."teamId" := (SELECT "teamId" FROM "Case" WHERE id = NEW."caseId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Person_team"
  BEFORE INSERT OR UPDATE OF "caseId" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "person_copy_team"();

CREATE OR REPLACE FUNCTION "case_team_to_proceedings"() RETURNS trigger AS $$
BEGIN
  UPDATE "Proceeding" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  UPDATE "Task" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  UPDATE "DetentionEpisode" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  UPDATE "Person" SET "teamId" = NEW."teamId" WHERE "caseId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

UPDATE "Person" p SET "teamId" = c."teamId" FROM "Case" c WHERE c.id = p."caseId";
