-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN "nafathVerifiedAt" DATETIME;
ALTER TABLE "Beneficiary" ADD COLUMN "email" TEXT;

-- RedefineTable: a registration proved through Nafath has no password
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PendingRegistration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "passwordHash" TEXT,
    "privacyNoticeVersion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);
INSERT INTO "new_PendingRegistration" ("id", "beneficiaryId", "method", "mobile", "passwordHash", "privacyNoticeVersion", "createdAt", "expiresAt")
SELECT "id", "beneficiaryId", "method", "mobile", "passwordHash", "privacyNoticeVersion", "createdAt", "expiresAt" FROM "PendingRegistration";
DROP TABLE "PendingRegistration";
ALTER TABLE "new_PendingRegistration" RENAME TO "PendingRegistration";
CREATE UNIQUE INDEX "PendingRegistration_beneficiaryId_key" ON "PendingRegistration"("beneficiaryId");
CREATE INDEX "PendingRegistration_expiresAt_idx" ON "PendingRegistration"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateTable
CREATE TABLE "NafathRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "transId" TEXT NOT NULL,
    "nationalId" TEXT NOT NULL,
    "randomNumber" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "beneficiaryId" INTEGER,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "consumedAt" DATETIME
);
CREATE UNIQUE INDEX "NafathRequest_transId_key" ON "NafathRequest"("transId");
CREATE INDEX "NafathRequest_expiresAt_idx" ON "NafathRequest"("expiresAt");

-- CreateTable
CREATE TABLE "DraftReminder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "draftUpdatedAt" DATETIME NOT NULL,
    "sentAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "DraftReminder_requestId_kind_draftUpdatedAt_key" ON "DraftReminder"("requestId", "kind", "draftUpdatedAt");
