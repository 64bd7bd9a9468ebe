-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "occurredOn" DATE;

