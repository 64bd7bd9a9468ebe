-- Hash indexes on the ids of cases and proceedings, beside their primary
-- keys. Pages look cases up one id at a time by the hundred (a name search's
-- 330 matches, the month grid's hearings through their proceedings, the
-- risk board's incidents): a hash index finds an id in one bucket page
-- where the B-tree walks down its levels. Measured on the benchmark's team
-- of 50,000 cases, a name search's statement went from 3.55 to 3.23 ms and
-- the month grid's from 4.02 to 3.72 (docs/benchmarks.md, session 45). The
-- primary keys stay: they keep ids unique and serve ranges and order.

-- CreateIndex
CREATE INDEX "Case_id_idx" ON "Case" USING HASH ("id");

-- CreateIndex
CREATE INDEX "Proceeding_id_idx" ON "Proceeding" USING HASH ("id");
