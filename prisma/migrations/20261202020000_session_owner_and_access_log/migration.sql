-- AlterTable
ALTER TABLE "Session" ADD COLUMN "userKey" TEXT;

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "staffId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "documentId" INTEGER,
    "requestId" INTEGER,
    "beneficiaryId" INTEGER NOT NULL,
    "ip" TEXT
);

-- CreateIndex
CREATE INDEX "AccessLog_beneficiaryId_at_idx" ON "AccessLog"("beneficiaryId", "at");

-- CreateIndex
CREATE INDEX "AccessLog_staffId_at_idx" ON "AccessLog"("staffId", "at");

-- CreateIndex
CREATE INDEX "Session_userKey_idx" ON "Session"("userKey");


-- Sessions signed in before this change get their owner too, so ending an account's sessions reaches them.
UPDATE "Session" SET "userKey" = CASE
    WHEN json_extract("data", '$.staffId') IS NOT NULL THEN 'staff:' || json_extract("data", '$.staffId')
    WHEN json_extract("data", '$.beneficiaryId') IS NOT NULL THEN 'beneficiary:' || json_extract("data", '$.beneficiaryId')
END;
