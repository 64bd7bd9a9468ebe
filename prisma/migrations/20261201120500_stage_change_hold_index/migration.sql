-- The few proceedings a programme ever held (lib/dashboard/figures: their
-- stays are joined across the hold; every other stay is read as it is).
CREATE INDEX "StageChange_programmeHold_teamId_proceedingId_idx" ON "StageChange"("programmeHold", "teamId", "proceedingId");
