-- A case's next hearing, one index entry away: the risk board orders its
-- cases (some 800 for a team of 50,000) by their next hearings in the same
-- statement that reads them (lib/legal/board.ts).
-- (schema.last.prisma also catches up with the hearing's case, added by
-- hand in 20261203160000_hearing_case.)

-- CreateIndex
CREATE INDEX "Hearing_caseId_startsAt_idx" ON "Hearing"("caseId", "startsAt");
