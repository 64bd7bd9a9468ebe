-- DropIndex
DROP INDEX "Person_nameKeys_idx";

-- CreateIndex
CREATE INDEX "Person_nameKeys_idx" ON "Person" USING GIN ("nameKeys" gin_trgm_ops);

