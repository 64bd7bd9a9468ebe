-- CreateIndex
CREATE INDEX "Case_teamId_nationality_status_householdSize_idx" ON "Case"("teamId", "nationality", "status", "householdSize");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

