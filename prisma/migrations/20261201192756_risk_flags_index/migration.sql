-- CreateIndex
CREATE INDEX "Case_riskFlags_idx" ON "Case" USING GIN ("riskFlags");

