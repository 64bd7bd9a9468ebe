-- CreateEnum
CREATE TYPE "HearingPurpose" AS ENUM ('FIRST_HEARING', 'WITNESS', 'BAIL', 'VERDICT', 'COURT_ORDER', 'APPEAL', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('THREAT', 'SURVEILLANCE', 'HOME_VISIT_BY_FOREIGN_OFFICIALS', 'ABDUCTION_ATTEMPT', 'OTHER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('COMPLAINANT', 'ADVERSE_PARTY', 'WITNESS');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarTokenHash" TEXT;

-- CreateTable
CREATE TABLE "Court" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Court_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hearing" (
    "id" UUID NOT NULL,
    "proceedingId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "purpose" "HearingPurpose" NOT NULL,
    "counselId" UUID,
    "interpreter" TEXT,
    "interpreterLanguage" TEXT,
    "outcome" TEXT,
    "nextDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Hearing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProceedingParty" (
    "id" UUID NOT NULL,
    "proceedingId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "role" "PartyRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProceedingParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtectionIncident" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "kind" "IncidentKind" NOT NULL,
    "severity" "Severity" NOT NULL,
    "description" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProtectionIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "caseId" UUID,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Court_name_key" ON "Court"("name");

-- CreateIndex
CREATE INDEX "Hearing_startsAt_idx" ON "Hearing"("startsAt");

-- CreateIndex
CREATE INDEX "Hearing_counselId_startsAt_idx" ON "Hearing"("counselId", "startsAt");

-- CreateIndex
CREATE INDEX "Hearing_proceedingId_startsAt_idx" ON "Hearing"("proceedingId", "startsAt");

-- CreateIndex
CREATE INDEX "ProceedingParty_searchText_idx" ON "ProceedingParty"("searchText");

-- CreateIndex
CREATE INDEX "ProceedingParty_proceedingId_idx" ON "ProceedingParty"("proceedingId");

-- CreateIndex
CREATE INDEX "ProtectionIncident_caseId_occurredOn_idx" ON "ProtectionIncident"("caseId", "occurredOn");

-- CreateIndex
CREATE INDEX "ProtectionIncident_occurredOn_idx" ON "ProtectionIncident"("occurredOn");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");

-- AddForeignKey
ALTER TABLE "Hearing" ADD CONSTRAINT "Hearing_proceedingId_fkey" FOREIGN KEY ("proceedingId") REFERENCES "Proceeding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hearing" ADD CONSTRAINT "Hearing_courtId_fkey" FOREIGN KEY ("courtId") REFERENCES "Court"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hearing" ADD CONSTRAINT "Hearing_counselId_fkey" FOREIGN KEY ("counselId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProceedingParty" ADD CONSTRAINT "ProceedingParty_proceedingId_fkey" FOREIGN KEY ("proceedingId") REFERENCES "Proceeding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectionIncident" ADD CONSTRAINT "ProtectionIncident_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: courts and authorities every deployment starts with. Administrators add more.
INSERT INTO "Court" ("id", "name") VALUES
  (gen_random_uuid(), 'Criminal Court (Bangkok)'),
  (gen_random_uuid(), 'Bangkok South Criminal Court'),
  (gen_random_uuid(), 'Chiang Rai Provincial Court'),
  (gen_random_uuid(), 'Nong Khai Provincial Court'),
  (gen_random_uuid(), 'Court of Appeal'),
  (gen_random_uuid(), 'Supreme Court'),
  (gen_random_uuid(), 'Immigration Bureau');
