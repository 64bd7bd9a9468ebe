-- CreateEnum
CREATE TYPE "CourtClosureKind" AS ENUM ('SUBSTITUTION', 'CLOSURE');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "countedFrom" DATE,
ADD COLUMN     "working" JSONB;

-- CreateTable
CREATE TABLE "CourtClosure" (
    "date" DATE NOT NULL,
    "kind" "CourtClosureKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "CourtClosure_pkey" PRIMARY KEY ("date")
);

