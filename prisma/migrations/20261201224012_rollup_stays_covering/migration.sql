-- CreateIndex
CREATE INDEX "RollupStays_teamId_grain_startsOn_type_stage_days_stays_idx" ON "RollupStays"("teamId", "grain", "startsOn", "type", "stage", "days", "stays");

