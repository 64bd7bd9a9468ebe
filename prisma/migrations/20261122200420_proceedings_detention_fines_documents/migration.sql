-- CreateEnum
CREATE TYPE "ProceedingType" AS ENUM ('TRANSFER_TO_KOREA', 'UNHCR_RSD', 'RESETTLEMENT', 'NSM', 'CRIMINAL', 'DEPORTATION_EXTRADITION');

-- CreateEnum
CREATE TYPE "TaskOrigin" AS ENUM ('RULE', 'PERSON');

-- CreateEnum
CREATE TYPE "FacilityKind" AS ENUM ('BANGKOK_IDC', 'PROVINCIAL_IDC', 'POLICE_STATION', 'REMAND_PRISON', 'OTHER');

-- CreateEnum
CREATE TYPE "Payer" AS ENUM ('SELF', 'FAMILY', 'NGO', 'EMBASSY', 'OTHER');

-- CreateEnum
CREATE TYPE "ExpenseCategory" AS ENUM ('MEDICAL', 'LEGAL', 'TRAVEL', 'SUBSISTENCE', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('UNHCR_CERTIFICATE', 'PASSPORT', 'COURT_ORDER', 'FINE_RECEIPT', 'MEDICAL_RECORD', 'EMBASSY_LETTER', 'TRAVEL_DOCUMENT', 'PHOTO', 'OTHER');

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateTable
CREATE TABLE "Proceeding" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "type" "ProceedingType" NOT NULL,
    "stage" TEXT NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "reference" TEXT,
    "certificateExpiresOn" DATE,
    "programmeId" UUID,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Proceeding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" UUID NOT NULL,
    "proceedingId" UUID NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "actorId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "proceedingId" UUID,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "assigneeId" UUID,
    "origin" "TaskOrigin" NOT NULL,
    "ruleKey" TEXT,
    "createdById" UUID,
    "completedAt" TIMESTAMP(3),
    "completedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineSetting" (
    "ruleKey" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "DeadlineSetting_pkey" PRIMARY KEY ("ruleKey")
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "FacilityKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetentionEpisode" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "facilityId" UUID NOT NULL,
    "startedOn" DATE NOT NULL,
    "sentenceEndsOn" DATE,
    "releasedOn" DATE,
    "releaseReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DetentionEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fine" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "personId" UUID,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'THB',
    "legalBasis" TEXT,
    "imposedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Fine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinePayment" (
    "id" UUID NOT NULL,
    "fineId" UUID NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "payer" "Payer" NOT NULL,
    "paidOn" DATE NOT NULL,
    "receiptDocumentId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinePayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expense" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "personId" UUID,
    "category" "ExpenseCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'THB',
    "payer" "Payer" NOT NULL,
    "incurredOn" DATE NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Expense_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "personId" UUID,
    "type" "DocumentType" NOT NULL,
    "number" TEXT,
    "issuedOn" DATE,
    "expiresOn" DATE,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "currency" TEXT NOT NULL,
    "perUsd" DECIMAL(18,6) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("currency")
);

-- CreateIndex
CREATE INDEX "Proceeding_caseId_type_idx" ON "Proceeding"("caseId", "type");

-- CreateIndex
CREATE INDEX "Proceeding_type_closed_idx" ON "Proceeding"("type", "closed");

-- CreateIndex
CREATE INDEX "Proceeding_programmeId_closed_idx" ON "Proceeding"("programmeId", "closed");

-- CreateIndex
CREATE INDEX "StageChange_proceedingId_at_idx" ON "StageChange"("proceedingId", "at");

-- CreateIndex
CREATE INDEX "Task_assigneeId_completedAt_dueOn_idx" ON "Task"("assigneeId", "completedAt", "dueOn");

-- CreateIndex
CREATE INDEX "Task_caseId_completedAt_dueOn_idx" ON "Task"("caseId", "completedAt", "dueOn");

-- CreateIndex
CREATE INDEX "Task_completedAt_dueOn_idx" ON "Task"("completedAt", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_name_key" ON "Facility"("name");

-- CreateIndex
CREATE INDEX "DetentionEpisode_caseId_startedOn_idx" ON "DetentionEpisode"("caseId", "startedOn");

-- CreateIndex
CREATE INDEX "DetentionEpisode_personId_startedOn_idx" ON "DetentionEpisode"("personId", "startedOn");

-- CreateIndex
CREATE INDEX "DetentionEpisode_releasedOn_idx" ON "DetentionEpisode"("releasedOn");

-- CreateIndex
CREATE INDEX "Fine_caseId_idx" ON "Fine"("caseId");

-- CreateIndex
CREATE INDEX "FinePayment_fineId_idx" ON "FinePayment"("fineId");

-- CreateIndex
CREATE INDEX "Expense_caseId_incurredOn_idx" ON "Expense"("caseId", "incurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_caseId_type_idx" ON "Document"("caseId", "type");

-- CreateIndex
CREATE INDEX "Document_personId_idx" ON "Document"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_name_key" ON "Programme"("name");

-- AddForeignKey
ALTER TABLE "Proceeding" ADD CONSTRAINT "Proceeding_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proceeding" ADD CONSTRAINT "Proceeding_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_proceedingId_fkey" FOREIGN KEY ("proceedingId") REFERENCES "Proceeding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_proceedingId_fkey" FOREIGN KEY ("proceedingId") REFERENCES "Proceeding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionEpisode" ADD CONSTRAINT "DetentionEpisode_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionEpisode" ADD CONSTRAINT "DetentionEpisode_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionEpisode" ADD CONSTRAINT "DetentionEpisode_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fine" ADD CONSTRAINT "Fine_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fine" ADD CONSTRAINT "Fine_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinePayment" ADD CONSTRAINT "FinePayment_fineId_fkey" FOREIGN KEY ("fineId") REFERENCES "Fine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinePayment" ADD CONSTRAINT "FinePayment_receiptDocumentId_fkey" FOREIGN KEY ("receiptDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: reference data every deployment starts with. Administrators add more.
INSERT INTO "Facility" ("id", "name", "kind") VALUES
  (gen_random_uuid(), 'Bangkok Immigration Detention Center (Suan Phlu)', 'BANGKOK_IDC'),
  (gen_random_uuid(), 'Chiang Rai Immigration Detention Center', 'PROVINCIAL_IDC'),
  (gen_random_uuid(), 'Nong Khai Immigration Detention Center', 'PROVINCIAL_IDC'),
  (gen_random_uuid(), 'Sadao Immigration Detention Center (Songkhla)', 'PROVINCIAL_IDC'),
  (gen_random_uuid(), 'Chiang Saen Police Station', 'POLICE_STATION'),
  (gen_random_uuid(), 'Chiang Khong Police Station', 'POLICE_STATION'),
  (gen_random_uuid(), 'Mae Sai Police Station', 'POLICE_STATION'),
  (gen_random_uuid(), 'Bangkok Remand Prison', 'REMAND_PRISON');

INSERT INTO "Programme" ("id", "name", "country", "status", "updatedAt") VALUES
  (gen_random_uuid(), 'USRAP', 'US', 'ACTIVE', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'Canada Government-Assisted Refugees', 'CA', 'ACTIVE', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'Canada Private Sponsorship', 'CA', 'ACTIVE', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'Australia Humanitarian Program', 'AU', 'ACTIVE', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'New Zealand Refugee Quota', 'NZ', 'ACTIVE', CURRENT_TIMESTAMP);
