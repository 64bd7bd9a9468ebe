-- DropIndex
DROP INDEX "AuditLog_caseId_at_idx";

-- CreateIndex
CREATE INDEX "AuditLog_caseId_id_idx" ON "AuditLog"("caseId", "id");

