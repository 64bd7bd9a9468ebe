-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('REFERRAL', 'RESETTLEMENT', 'UNHCR_SHARING', 'PHOTOS_AND_DOCUMENTS', 'CONTACT');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('WRITTEN', 'VERBAL_INTERPRETED');

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "consentId" UUID;

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "partnerId" UUID,
    "method" "ConsentMethod" NOT NULL,
    "interpreter" TEXT,
    "interpreterLanguage" TEXT,
    "givenOn" DATE NOT NULL,
    "validUntil" DATE,
    "note" TEXT,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnOn" DATE,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" UUID,
    "withdrawalNote" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consent_caseId_purpose_idx" ON "Consent"("caseId", "purpose");

-- CreateIndex
CREATE INDEX "Consent_personId_idx" ON "Consent"("personId");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Referral consent moves onto the consent model: each referral sent with
-- consent gets a consent record for its partner, given by the case's first
-- person (the principal), with what the referral recorded kept as its note.
-- The consent takes the referral's id, which links the two.
INSERT INTO "Consent" (id, "caseId", "personId", purpose, "partnerId", method, "givenOn", note, "recordedById", "recordedAt", "updatedAt")
SELECT r.id, r."caseId",
       (SELECT p.id FROM "Person" p WHERE p."caseId" = r."caseId" ORDER BY (p.relationship <> 'PRINCIPAL'), p.position LIMIT 1),
       'REFERRAL', r."partnerId", 'WRITTEN', coalesce(r."consentOn", r."createdAt"::date),
       'Recorded on the referral: given by ' || coalesce(r."consentBy", '?') || ', for ' || coalesce(r."consentPurpose", '?'),
       r."createdById", r."createdAt", r."createdAt"
FROM "Referral" r
WHERE r."consentBy" IS NOT NULL AND EXISTS (SELECT 1 FROM "Person" p WHERE p."caseId" = r."caseId");

UPDATE "Referral" r SET "consentId" = r.id WHERE EXISTS (SELECT 1 FROM "Consent" c WHERE c.id = r.id);

ALTER TABLE "Referral" DROP COLUMN "consentBy",
DROP COLUMN "consentOn",
DROP COLUMN "consentPurpose";
