-- CreateTable
CREATE TABLE "CaseMerge" (
    "id" UUID NOT NULL,
    "mergedCode" TEXT NOT NULL,
    "mergedCaseId" UUID NOT NULL,
    "survivingCaseId" UUID NOT NULL,
    "mergedById" UUID NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "record" JSONB NOT NULL,

    CONSTRAINT "CaseMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseMerge_mergedCode_key" ON "CaseMerge"("mergedCode");

-- CreateIndex
CREATE INDEX "CaseMerge_survivingCaseId_idx" ON "CaseMerge"("survivingCaseId");

-- AddForeignKey
ALTER TABLE "CaseMerge" ADD CONSTRAINT "CaseMerge_survivingCaseId_fkey" FOREIGN KEY ("survivingCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

