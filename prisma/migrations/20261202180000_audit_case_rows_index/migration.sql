-- Hand-written: the rows of the audit log that name a case, by id. A
-- supervisor's reading of the log (newest first, about their teams' cases)
-- otherwise walks every row newest first, and most of the newest rows are
-- views of lists, dashboards and calendars, which name no case: 16,000 of
-- them for one page at ten million rows. Made on every month's table by
-- PostgreSQL, and on every month added later.
CREATE INDEX "AuditLog_case_rows_id_idx" ON "AuditLog" ("id") WHERE "caseId" IS NOT NULL;
