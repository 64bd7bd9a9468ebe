-- The audit log, partitioned by month on "at" (declarative partitioning),
-- so that audit data past its retention period goes by dropping a month's
-- table, not by deleting millions of rows, and queries over recent months
-- read only their months. Hand-written: Prisma's own diff would only have
-- changed the keys (the primary key and the chain's unique key must include
-- the partition key).

-- 1. The table as it was is set aside, with what depends on its row type.
DROP TRIGGER "AuditLog_chain" ON "AuditLog";
DROP TRIGGER "AuditLog_append_only" ON "AuditLog";
DROP TRIGGER "AuditLog_no_truncate" ON "AuditLog";
DROP FUNCTION "waypoint_audit_hash"("AuditLog");
DROP FUNCTION "waypoint_audit_content"("AuditLog");
ALTER TABLE "AuditLog" RENAME TO "AuditLog_unpartitioned";
ALTER TABLE "AuditLog_unpartitioned" RENAME CONSTRAINT "AuditLog_pkey" TO "AuditLog_unpartitioned_pkey";
ALTER INDEX "AuditLog_chainSeq_key" RENAME TO "AuditLog_unpartitioned_chainSeq_key";
ALTER INDEX "AuditLog_caseId_at_idx" RENAME TO "AuditLog_unpartitioned_caseId_at_idx";
ALTER INDEX "AuditLog_actorId_at_idx" RENAME TO "AuditLog_unpartitioned_actorId_at_idx";
ALTER INDEX "AuditLog_action_at_idx" RENAME TO "AuditLog_unpartitioned_action_at_idx";
ALTER TABLE "AuditLog_unpartitioned" ALTER COLUMN "id" DROP DEFAULT;
ALTER SEQUENCE "AuditLog_id_seq" OWNED BY NONE;

-- 2. The partitioned table, with the same columns, ids from the same sequence.
CREATE TABLE "AuditLog" (
    "id" BIGINT NOT NULL DEFAULT nextval('"AuditLog_id_seq"'::regclass),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "caseId" UUID,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ip" TEXT,
    "detail" JSONB,
    "occurredOn" DATE,
    "chainSeq" BIGINT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");
ALTER SEQUENCE "AuditLog_id_seq" OWNED BY "AuditLog"."id";

CREATE UNIQUE INDEX "AuditLog_chainSeq_at_key" ON "AuditLog"("chainSeq", "at");
CREATE INDEX "AuditLog_caseId_at_idx" ON "AuditLog"("caseId", "at");
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- A row whose month has no table yet lands here rather than failing the
-- change it records; the nightly run keeps twelve months ahead made, so it
-- stays empty unless that run stops for a year.
CREATE TABLE "AuditLog_default" PARTITION OF "AuditLog" DEFAULT;

-- 3. Months: one table each, "AuditLog_YYYY_MM", in UTC (as "at" is stored).
-- SECURITY DEFINER: the app's role creates no tables itself; it may only
-- ask for months ahead (grantAppAccess grants EXECUTE, nobody else has it).
CREATE FUNCTION "waypoint_audit_partition"(month date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  first date := date_trunc('month', month)::date;
  name text := 'AuditLog_' || to_char(first, 'YYYY_MM');
BEGIN
  IF to_regclass(format('%I', name)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "AuditLog" FOR VALUES FROM (%L) TO (%L)', name, first::timestamp, (first + interval '1 month')::timestamp);
  END IF;
  RETURN name;
END
$$;

-- The current month and `months` after it; a month whose rows already sit in
-- the default table is left to an operator (creating it would fail).
CREATE FUNCTION "waypoint_audit_partitions_ahead"(months int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  made int := 0;
BEGIN
  FOR i IN 0..least(greatest(months, 0), 36) LOOP
    IF to_regclass(format('%I', 'AuditLog_' || to_char(m, 'YYYY_MM'))) IS NULL THEN
      IF EXISTS (SELECT 1 FROM "AuditLog_default" WHERE "at" >= m AND "at" < m + interval '1 month') THEN
        RAISE WARNING 'audit rows of % are in the default partition: its month table was not made', to_char(m, 'YYYY-MM');
      ELSE
        PERFORM "waypoint_audit_partition"(m);
        made := made + 1;
      END IF;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END
$$;

-- Drops every month that ended by `cutoff` (oldest first), returning each
-- month's table and row count; notes where the chain now begins. At least a
-- year always stays, whoever asks.
CREATE FUNCTION "waypoint_audit_drop_months_before"(cutoff timestamp) RETURNS TABLE(month text, rows bigint)
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
    EXECUTE format('DROP TABLE %I', p.name);
    month := to_char(p.first, 'YYYY-MM');
    RETURN NEXT;
  END LOOP;
END
$$;

REVOKE ALL ON FUNCTION "waypoint_audit_partition"(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION "waypoint_audit_partitions_ahead"(int) FROM PUBLIC;
REVOKE ALL ON FUNCTION "waypoint_audit_drop_months_before"(timestamp) FROM PUBLIC;

-- 4. The rows so far move in, month by month, as they were (the chain's
-- trigger is not on yet, so their places and hashes are kept).
DO $$
DECLARE
  m date;
BEGIN
  FOR m IN SELECT DISTINCT date_trunc('month', "at")::date FROM "AuditLog_unpartitioned" LOOP
    PERFORM "waypoint_audit_partition"(m);
  END LOOP;
END
$$;
SELECT "waypoint_audit_partitions_ahead"(12);
INSERT INTO "AuditLog" ("id", "at", "actorId", "action", "entity", "entityId", "caseId", "fields", "ip", "detail", "occurredOn", "chainSeq", "prevHash", "hash")
SELECT "id", "at", "actorId", "action", "entity", "entityId", "caseId", "fields", "ip", "detail", "occurredOn", "chainSeq", "prevHash", "hash" FROM "AuditLog_unpartitioned";
DROP TABLE "AuditLog_unpartitioned";

-- 5. The hash chain and the append-only rule, as before, on the new table
-- (row triggers on a partitioned table apply to every month's table).
CREATE FUNCTION "waypoint_audit_content"(r "AuditLog") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\x1f',
    r."chainSeq"::text,
    r."id"::text,
    to_char(r."at", 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(r."actorId"::text, ''),
    r."action",
    r."entity",
    coalesce(r."entityId", ''),
    coalesce(r."caseId"::text, ''),
    array_to_string(r."fields", ','),
    coalesce(r."ip", ''),
    coalesce(r."detail"::text, ''),
    coalesce(to_char(r."occurredOn", 'YYYY-MM-DD'), ''),
    coalesce(r."prevHash", ''))
$$;

CREATE FUNCTION "waypoint_audit_hash"(r "AuditLog") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to("waypoint_audit_content"(r), 'UTF8')), 'hex')
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_is_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_is_append_only"();

CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();

-- 6. Where the chain begins once old months are dropped.
CREATE TABLE "AuditChainAnchor" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "chainSeq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "droppedBefore" TIMESTAMP(3) NOT NULL,
    "droppedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainAnchor_pkey" PRIMARY KEY ("id")
);

-- The deletion record of a kind that is not counted in case codes (the audit
-- log's months dropped).
ALTER TABLE "RetentionRunItem" ADD COLUMN     "detail" JSONB;
