-- A case's recorded changes, for its timeline (getTimeline in
-- lib/cases/queries.ts), kept apart from the audit log they are copied from.
-- The log is a hundred month tables: reading one case's changes across them
-- all made each new connection load every month's catalog entries and plan
-- over each (some 170 ms once per connection, 36 ms a plan), and a read of
-- them 1.3-1.8 ms of PostgreSQL's time at every case view. Hand-written
-- below the generated table: the trigger that copies the rows, the rows so
-- far, and the month drop that now takes a month's copies with it.

-- CreateTable
CREATE TABLE "CaseChange" (
    "auditId" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "caseId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "detail" JSONB,
    "occurredOn" DATE,
    "day" DATE NOT NULL,

    CONSTRAINT "CaseChange_pkey" PRIMARY KEY ("auditId")
);

-- CreateIndex
CREATE INDEX "CaseChange_caseId_day_at_auditId_idx" ON "CaseChange"("caseId", "day" DESC, "at" DESC, "auditId" DESC);


-- The timeline's actions are written out, here only: TIMELINE_ACTIONS in
-- lib/cases/queries.ts is the list, and lib/cases/timeline.integration.test.ts
-- checks that this trigger copies exactly it. Views and exports are never
-- copied (a much-viewed case has thousands of them).
-- Runs as its owner: the application's role only reads the copies
-- (scripts/database.ts grantAppAccess).
CREATE FUNCTION "waypoint_copy_case_change"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CaseChange" ("auditId", "at", "caseId", "actorId", "action", "entity", "fields", "detail", "occurredOn", "day")
  VALUES (NEW."id", NEW."at", NEW."caseId", NEW."actorId", NEW."action", NEW."entity", coalesce(NEW."fields", ARRAY[]::text[]), NEW."detail", NEW."occurredOn",
          coalesce(NEW."occurredOn", waypoint_bangkok_day(NEW."at")));
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "waypoint_copy_case_change"() FROM PUBLIC;

CREATE TRIGGER "AuditLog_case_change" AFTER INSERT ON "AuditLog" FOR EACH ROW
  WHEN (NEW."caseId" IS NOT NULL AND NEW."action" IN ('case.create', 'case.update', 'person.create', 'person.update', 'proceeding.create', 'proceeding.transition', 'task.create', 'detention.create', 'detention.update', 'fine.create', 'fine.payment', 'expense.create', 'document.create', 'hearing.create', 'hearing.update', 'incident.create', 'counsel.assign', 'closure.request', 'closure.approve', 'closure.return', 'case.reassign', 'case.merge'))
  EXECUTE FUNCTION "waypoint_copy_case_change"();

-- The changes recorded so far.
INSERT INTO "CaseChange" ("auditId", "at", "caseId", "actorId", "action", "entity", "fields", "detail", "occurredOn", "day")
SELECT l."id", l."at", l."caseId", l."actorId", l."action", l."entity", coalesce(l."fields", ARRAY[]::text[]), l."detail", l."occurredOn", coalesce(l."occurredOn", waypoint_bangkok_day(l."at"))
FROM "AuditLog" l
WHERE l."caseId" IS NOT NULL AND l."action" IN ('case.create', 'case.update', 'person.create', 'person.update', 'proceeding.create', 'proceeding.transition', 'task.create', 'detention.create', 'detention.update', 'fine.create', 'fine.payment', 'expense.create', 'document.create', 'hearing.create', 'hearing.update', 'incident.create', 'counsel.assign', 'closure.request', 'closure.approve', 'closure.return', 'case.reassign', 'case.merge');

-- The reads these replace: the function over the month tables, and their index of the timeline's actions.
DROP FUNCTION "waypoint_case_changes"(uuid, integer);
DROP INDEX "AuditLog_timeline_idx";

-- As in migration 20261201143038_audit_partitions, and a month's copied
-- changes go with its table: nothing of a dropped month stays behind.
CREATE OR REPLACE FUNCTION "waypoint_audit_drop_months_before"(cutoff timestamp) RETURNS TABLE(month text, rows bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  p record;
  last_row record;
BEGIN
  IF cutoff > (now() AT TIME ZONE 'UTC') - interval '12 months' THEN
    RAISE EXCEPTION 'audit data less than a year old is never dropped (cutoff %)', cutoff;
  END IF;
  FOR p IN
    SELECT c.relname AS name, to_date(substr(c.relname, 10), 'YYYY_MM') AS first
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '"AuditLog"'::regclass AND c.relname ~ '^AuditLog_\d{4}_\d{2}$'
    ORDER BY c.relname
  LOOP
    EXIT WHEN p.first + interval '1 month' > cutoff;
    EXECUTE format('SELECT count(*) FROM %I', p.name) INTO rows;
    EXECUTE format('SELECT "chainSeq", "hash" FROM %I WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1', p.name) INTO last_row;
    -- Only the chain's beginning may go: a row kept elsewhere that came
    -- before this month's last (one written with an earlier date) would
    -- leave a hole in the middle of the chain. Then nothing more is dropped.
    IF last_row."chainSeq" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "AuditLog" a WHERE a."chainSeq" < last_row."chainSeq" AND (a."at" < p.first OR a."at" >= p.first + interval '1 month')
    ) THEN
      RAISE WARNING 'audit month % is not the beginning of the chain: left in place', p.name;
      EXIT;
    END IF;
    IF last_row."chainSeq" IS NOT NULL THEN
      INSERT INTO "AuditChainAnchor" (id, "chainSeq", hash, "droppedBefore")
      VALUES (1, last_row."chainSeq", last_row.hash, p.first + interval '1 month')
      ON CONFLICT (id) DO UPDATE SET "chainSeq" = excluded."chainSeq", hash = excluded.hash, "droppedBefore" = excluded."droppedBefore", "droppedAt" = CURRENT_TIMESTAMP
      WHERE "AuditChainAnchor"."chainSeq" < excluded."chainSeq";
    END IF;
    DELETE FROM "CaseChange" WHERE "at" >= p.first AND "at" < p.first + interval '1 month';
    EXECUTE format('DROP TABLE %I', p.name);
    month := to_char(p.first, 'YYYY-MM');
    RETURN NEXT;
  END LOOP;
END
$$;
