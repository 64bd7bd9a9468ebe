-- AlterTable
ALTER TABLE "User" ADD COLUMN     "organisationWide" BOOLEAN NOT NULL DEFAULT false;

