-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "programmeHold" BOOLEAN NOT NULL DEFAULT false;


-- Moves already made for a programme's suspension or resumption: they were
-- recorded with these reasons (lib/programmes/suspension.ts).
UPDATE "StageChange" SET "programmeHold" = true
 WHERE "proceedingType" = 'RESETTLEMENT'
   AND ("reason" LIKE 'Programme % suspended: %' OR "reason" LIKE 'Programme % resumed: %');
