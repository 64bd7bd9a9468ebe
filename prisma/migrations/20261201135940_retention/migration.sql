-- CreateEnum
CREATE TYPE "RetentionAction" AS ENUM ('ANONYMISE', 'DELETE');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "anonymisedAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "sharedRemovedAt" TIMESTAMP(3),
ADD COLUMN     "sharedRemovedBecause" TEXT;

-- CreateTable
CREATE TABLE "RetentionRule" (
    "kind" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "action" "RetentionAction" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RetentionRule_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" UUID NOT NULL,
    "day" DATE,
    "startedById" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "error" TEXT,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionRunItem" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "action" "RetentionAction" NOT NULL,
    "months" INTEGER NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "codes" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "RetentionRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RetentionRun_day_key" ON "RetentionRun"("day");

-- CreateIndex
CREATE INDEX "RetentionRun_startedAt_idx" ON "RetentionRun"("startedAt");

-- CreateIndex
CREATE INDEX "RetentionRunItem_runId_idx" ON "RetentionRunItem"("runId");

-- CreateIndex
CREATE INDEX "Case_status_closedAt_idx" ON "Case"("status", "closedAt");

-- AddForeignKey
ALTER TABLE "RetentionRunItem" ADD CONSTRAINT "RetentionRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RetentionRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- closedAt is kept here, whoever changes a case's status: set when a case
-- becomes CLOSED (or is created closed, e.g. imported from an old register,
-- unless given), cleared when it reopens.
CREATE FUNCTION waypoint_case_closed_at() RETURNS trigger AS $$
BEGIN
  IF NEW.status = 'CLOSED' THEN
    IF TG_OP = 'INSERT' OR OLD.status <> 'CLOSED' THEN
      NEW."closedAt" := coalesce(NEW."closedAt", now());
    END IF;
  ELSE
    NEW."closedAt" := NULL;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_closed_at_insert BEFORE INSERT ON "Case"
  FOR EACH ROW EXECUTE FUNCTION waypoint_case_closed_at();
CREATE TRIGGER case_closed_at_status BEFORE UPDATE OF status ON "Case"
  FOR EACH ROW EXECUTE FUNCTION waypoint_case_closed_at();

-- Cases closed before this migration: the approval of their closure, or
-- failing that their last change.
UPDATE "Case" c SET "closedAt" = coalesce(
  (SELECT max(r."decidedAt") FROM "ClosureRequest" r WHERE r."caseId" = c.id AND r.status = 'APPROVED'),
  c."updatedAt")
WHERE c.status = 'CLOSED';
