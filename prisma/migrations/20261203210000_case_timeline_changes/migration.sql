-- Hand-written: a case's recorded changes for its timeline (getTimeline in
-- lib/cases/queries.ts), newest first by the day each happened, with the
-- name of who made it, including the changes of cases merged into it.
--
-- One statement instead of seven. The read must run on a plan kept for the
-- connection (the log is a hundred month tables: planned anew at each call
-- it costs 10-50 ms), which a statement gets only by setting plan_cache_mode
-- in a transaction of its own: begin, set, read, commit, and then one more
-- statement each for the merged cases and the names. A PL/pgSQL function
-- keeps its statement's plan for the connection, and the setting is the
-- function's own.
--
-- The actions are written out, not passed in: PostgreSQL then knows the
-- partial index AuditLog_timeline_idx covers them. TIMELINE_ACTIONS in
-- lib/cases/queries.ts is the list; lib/cases/timeline.integration.test.ts
-- checks the index and this function hold exactly it.
CREATE FUNCTION "waypoint_case_changes"(survivor uuid, depth integer)
RETURNS TABLE (id bigint, at timestamp, action text, entity text, fields text[], actor text, detail jsonb, "occurredOn" date, day date)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT a.id, a.at, a.action, a.entity, a.fields, u.name, a.detail, a."occurredOn", a.day
  FROM (
    SELECT l.id, l.at, l.action, l.entity, l.fields, l."actorId", l.detail, l."occurredOn", coalesce(l."occurredOn", waypoint_bangkok_day(l.at)) AS day
    FROM "AuditLog" l
    WHERE l."caseId" = ANY (ARRAY(SELECT survivor UNION ALL SELECT m."mergedCaseId" FROM "CaseMerge" m WHERE m."survivingCaseId" = survivor))
      AND l.action IN ('case.create', 'case.update', 'person.create', 'person.update', 'proceeding.create', 'proceeding.transition', 'task.create', 'detention.create', 'detention.update', 'fine.create', 'fine.payment', 'expense.create', 'document.create', 'hearing.create', 'hearing.update', 'incident.create', 'counsel.assign', 'closure.request', 'closure.approve', 'closure.return', 'case.reassign', 'case.merge')
    ORDER BY 9 DESC, l.at DESC, l.id DESC
    LIMIT depth
  ) a
  LEFT JOIN "User" u ON u.id = a."actorId";
END
$$;
