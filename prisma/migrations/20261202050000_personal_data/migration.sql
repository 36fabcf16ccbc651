-- AlterTable
ALTER TABLE "SupportRequest" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "noticeVersion" TEXT,
    "at" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "recordedByStaffId" INTEGER
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reference" TEXT NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recordedByStaffId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'open',
    "receivedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "extendedAt" DATETIME,
    "extensionReason" TEXT,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" INTEGER
);

-- CreateIndex
CREATE INDEX "ConsentRecord_beneficiaryId_purpose_at_idx" ON "ConsentRecord"("beneficiaryId", "purpose", "at");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_reference_key" ON "DataRequest"("reference");

-- CreateIndex
CREATE INDEX "DataRequest_status_dueAt_idx" ON "DataRequest"("status", "dueAt");

-- CreateIndex
CREATE INDEX "DataRequest_beneficiaryId_receivedAt_idx" ON "DataRequest"("beneficiaryId", "receivedAt");

-- CreateTable
CREATE TABLE "BreachIncident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "discoveredAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "authorityNotifiedAt" DATETIME
);

-- CreateTable
CREATE TABLE "BreachAffected" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "addedAt" DATETIME NOT NULL,
    "noticeQueuedAt" DATETIME,
    CONSTRAINT "BreachAffected_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "BreachIncident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "BreachAffected_incidentId_beneficiaryId_key" ON "BreachAffected"("incidentId", "beneficiaryId");
