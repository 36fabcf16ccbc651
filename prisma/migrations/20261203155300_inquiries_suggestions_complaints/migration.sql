-- An inquiry may come from someone not on file (name and phone optional): SQLite rebuilds the table to drop NOT NULL.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Inquiry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER,
    "callerName" TEXT,
    "callerPhone" TEXT,
    "requestId" INTEGER,
    "channel" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Inquiry_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Inquiry" ("id", "beneficiaryId", "requestId", "channel", "subject", "answer", "staffId", "recordedAt")
SELECT "id", "beneficiaryId", "requestId", "channel", "subject", "answer", "staffId", "recordedAt" FROM "Inquiry";
DROP TABLE "Inquiry";
ALTER TABLE "new_Inquiry" RENAME TO "Inquiry";
CREATE INDEX "Inquiry_beneficiaryId_recordedAt_idx" ON "Inquiry"("beneficiaryId", "recordedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Suggestions and complaints.
CREATE TABLE "SuggestionOrComplaint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reference" TEXT,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "beneficiaryId" INTEGER,
    "name" TEXT,
    "mobile" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "ownerStaffId" INTEGER,
    "receivedAt" DATETIME NOT NULL,
    "respondBy" DATETIME NOT NULL,
    "reply" TEXT,
    "repliedById" INTEGER,
    "repliedAt" DATETIME
);
CREATE UNIQUE INDEX "SuggestionOrComplaint_reference_key" ON "SuggestionOrComplaint"("reference");
CREATE INDEX "SuggestionOrComplaint_status_respondBy_idx" ON "SuggestionOrComplaint"("status", "respondBy");
CREATE INDEX "SuggestionOrComplaint_kind_status_idx" ON "SuggestionOrComplaint"("kind", "status");
