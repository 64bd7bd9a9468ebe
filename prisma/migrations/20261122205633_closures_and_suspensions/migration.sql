-- CreateEnum
CREATE TYPE "ClosureStatus" AS ENUM ('PENDING', 'APPROVED', 'RETURNED');

-- AlterTable
ALTER TABLE "Proceeding" ADD COLUMN     "suspendedFromStage" TEXT;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "updatedById" UUID;

-- CreateTable
CREATE TABLE "ClosureRequest" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ClosureStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,

    CONSTRAINT "ClosureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClosureRequest_caseId_status_idx" ON "ClosureRequest"("caseId", "status");

-- CreateIndex
CREATE INDEX "ClosureRequest_status_requestedAt_idx" ON "ClosureRequest"("status", "requestedAt");

-- AddForeignKey
ALTER TABLE "ClosureRequest" ADD CONSTRAINT "ClosureRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

