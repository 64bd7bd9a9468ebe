-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_chainSeq_key" ON "AuditLog"("chainSeq");


-- Hand-written: the audit log as a hash chain (tamper-evident). Each row's
-- hash is taken over its content and the previous row's hash, so an edited,
-- deleted or reordered row breaks the chain from there on; `npm run
-- audit:verify` walks it. Rows join the chain one at a time, in the order
-- their transactions write them (an advisory lock held to commit).

-- The text a row's hash is taken over: every column in a fixed order and
-- format (timestamps as UTC text, JSON as jsonb prints it), then the
-- previous row's hash. concat_ws skips nulls, so each is given as ''.
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

CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer at a time, until commit: the next row links to the last one written.
  PERFORM pg_advisory_xact_lock(7270736901);
  SELECT "chainSeq", "hash" INTO last_seq, last_hash FROM "AuditLog" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1;
  NEW."chainSeq" := coalesce(last_seq, 0) + 1;
  NEW."prevHash" := last_hash;
  NEW."hash" := "waypoint_audit_hash"(NEW);
  RETURN NEW;
END
$$;

-- The rows written so far join the chain in the order of their ids.
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
DO $$
DECLARE
  r "AuditLog";
  prev text := NULL;
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
    n := n + 1;
    r."chainSeq" := n;
    r."prevHash" := prev;
    r."hash" := "waypoint_audit_hash"(r);
    UPDATE "AuditLog" SET "chainSeq" = r."chainSeq", "prevHash" = r."prevHash", "hash" = r."hash" WHERE "id" = r."id";
    prev := r."hash";
  END LOOP;
END
$$;
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();
