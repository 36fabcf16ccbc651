-- CreateTable
CREATE TABLE "PendingRegistration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "privacyNoticeVersion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "hits" INTEGER NOT NULL,
    "resetAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingRegistration_beneficiaryId_key" ON "PendingRegistration"("beneficiaryId");

-- CreateIndex
CREATE INDEX "PendingRegistration_expiresAt_idx" ON "PendingRegistration"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_resetAt_idx" ON "RateLimitCounter"("resetAt");

-- An account whose mobile was never verified was only a registration, and it has lapsed: it no longer holds
-- the ID, and its owner registers again.
UPDATE "Beneficiary" SET "passwordHash" = NULL WHERE "passwordHash" IS NOT NULL AND "mobileVerifiedAt" IS NULL;
