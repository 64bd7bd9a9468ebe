-- Hand-written: the risk board orders its cases by their next hearing, found
-- from the cases' proceedings (lib/legal/queries.ts, nextHearings). With
-- some 800 cases at risk the proceedings were read from the table itself,
-- about 1,100 rows scattered over as many pages: 12 ms of the board's
-- 20 ms in PostgreSQL. This index answers "which proceedings belong to
-- these cases" on its own.
CREATE INDEX "Proceeding_caseId_id_idx" ON "Proceeding" ("caseId") INCLUDE (id);
