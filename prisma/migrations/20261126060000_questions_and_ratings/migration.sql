-- AlterTable
ALTER TABLE "SupportRequest" ADD COLUMN "ratedAt" DATETIME;

-- CreateTable
CREATE TABLE "BeneficiaryQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "question" TEXT NOT NULL,
    "askedAt" DATETIME NOT NULL,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" DATETIME
);

-- CreateTable
CREATE TABLE "ServiceRating" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "score" INTEGER NOT NULL,
    "easeScore" INTEGER NOT NULL,
    "comment" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "beneficiaryId" INTEGER,
    "requestId" INTEGER,
    "context" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "BeneficiaryQuestion_answeredAt_askedAt_idx" ON "BeneficiaryQuestion"("answeredAt", "askedAt");

-- CreateIndex
CREATE INDEX "BeneficiaryQuestion_beneficiaryId_askedAt_idx" ON "BeneficiaryQuestion"("beneficiaryId", "askedAt");

-- CreateIndex
CREATE INDEX "ServiceRating_createdAt_idx" ON "ServiceRating"("createdAt");

