-- CreateTable
CREATE TABLE "FileChunk" (
    "key" UUID NOT NULL,
    "part" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "FileChunk_pkey" PRIMARY KEY ("key","part")
);


-- Ciphertext does not compress: kept out of line without trying.
ALTER TABLE "FileChunk" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
