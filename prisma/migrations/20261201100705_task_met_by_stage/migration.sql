-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "metByStage" TEXT,
ADD COLUMN     "metOn" DATE;

