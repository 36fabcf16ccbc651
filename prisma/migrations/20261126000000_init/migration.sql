-- CreateTable
CREATE TABLE "StaffUser" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" INTEGER,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "requestId" INTEGER,
    "visibleToBeneficiary" BOOLEAN NOT NULL DEFAULT false,
    "details" TEXT,
    "ip" TEXT
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "nationalId" TEXT NOT NULL,
    "mobile" TEXT,
    "mobileVerifiedAt" DATETIME,
    "passwordHash" TEXT,
    "privacyConsentAt" DATETIME,
    "privacyNoticeVersion" TEXT,
    "fullName" TEXT,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "fileNumber" TEXT,
    "registeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OneTimeCode_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reference" TEXT,
    "beneficiaryId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "channel" TEXT NOT NULL DEFAULT 'website',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdByStaffId" INTEGER,
    "livesInServiceArea" BOOLEAN,
    "fullName" TEXT,
    "birthDate" TEXT,
    "nationality" TEXT,
    "maritalStatus" TEXT,
    "idExpiryDate" TEXT,
    "city" TEXT,
    "district" TEXT,
    "email" TEXT,
    "incomeSalary" INTEGER,
    "incomeSocialSecurity" INTEGER,
    "incomePension" INTEGER,
    "incomeOther" INTEGER,
    "obligationLoans" INTEGER,
    "obligationOther" INTEGER,
    "housingType" TEXT,
    "monthlyRent" INTEGER,
    "supportType" TEXT,
    "needDescription" TEXT,
    "iban" TEXT,
    "stepsCompleted" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "responseWindowOpensAt" DATETIME,
    "raisedAt" DATETIME,
    "raisedByStaffId" INTEGER,
    "decisionReleasedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SupportRequest_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "nationalId" TEXT,
    "monthlyIncome" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HouseholdMember_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedByStaffId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Declaration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "textVersion" TEXT NOT NULL,
    "signatureName" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "channel" TEXT NOT NULL,
    "dataHash" TEXT NOT NULL,
    "witnessedByStaffId" INTEGER,
    "scanDocumentId" INTEGER,
    CONSTRAINT "Declaration_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VerificationLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "staffId" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VerificationLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InfoRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "items" TEXT NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "requestedByRole" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "InfoRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "referredById" INTEGER NOT NULL,
    "referredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" DATETIME,
    "visitDate" TEXT,
    "findings" TEXT,
    "recommendation" TEXT,
    "closedAt" DATETIME,
    CONSTRAINT "Referral_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "recommendation" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recommendation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "approvedSupportType" TEXT,
    "amount" INTEGER,
    "quantity" INTEGER,
    "durationMonths" INTEGER,
    "rejectionReason" TEXT,
    "note" TEXT,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    "releasedAt" DATETIME,
    CONSTRAINT "Decision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistrationItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staffId" INTEGER NOT NULL,
    CONSTRAINT "RegistrationItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "serviceType" TEXT NOT NULL,
    "amount" INTEGER,
    "quantity" INTEGER,
    "deliveredOn" TEXT NOT NULL,
    "deliveredById" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServiceDelivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceDelivery_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "beneficiaryId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "channel" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Inquiry_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "beneficiaryId" INTEGER,
    "template" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lastNumber" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sid_key" ON "Session"("sid");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorType_actorId_idx" ON "AuditEntry"("actorType", "actorId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_requestId_at_idx" ON "AuditEntry"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_nationalId_key" ON "Beneficiary"("nationalId");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_fileNumber_key" ON "Beneficiary"("fileNumber");

-- CreateIndex
CREATE INDEX "Beneficiary_mobile_idx" ON "Beneficiary"("mobile");

-- CreateIndex
CREATE INDEX "Beneficiary_fullName_idx" ON "Beneficiary"("fullName");

-- CreateIndex
CREATE INDEX "OneTimeCode_beneficiaryId_purpose_idx" ON "OneTimeCode"("beneficiaryId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "SupportRequest_reference_key" ON "SupportRequest"("reference");

-- CreateIndex
CREATE INDEX "SupportRequest_beneficiaryId_status_idx" ON "SupportRequest"("beneficiaryId", "status");

-- CreateIndex
CREATE INDEX "SupportRequest_status_responseWindowOpensAt_idx" ON "SupportRequest"("status", "responseWindowOpensAt");

-- CreateIndex
CREATE INDEX "SupportRequest_status_city_responseWindowOpensAt_idx" ON "SupportRequest"("status", "city", "responseWindowOpensAt");

-- CreateIndex
CREATE INDEX "SupportRequest_status_supportType_responseWindowOpensAt_idx" ON "SupportRequest"("status", "supportType", "responseWindowOpensAt");

-- CreateIndex
CREATE INDEX "SupportRequest_status_submittedAt_idx" ON "SupportRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "HouseholdMember_requestId_idx" ON "HouseholdMember"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestDocument_storageKey_key" ON "RequestDocument"("storageKey");

-- CreateIndex
CREATE INDEX "RequestDocument_requestId_idx" ON "RequestDocument"("requestId");

-- CreateIndex
CREATE INDEX "Declaration_requestId_signedAt_idx" ON "Declaration"("requestId", "signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationLine_requestId_item_key" ON "VerificationLine"("requestId", "item");

-- CreateIndex
CREATE INDEX "InfoRequest_requestId_idx" ON "InfoRequest"("requestId");

-- CreateIndex
CREATE INDEX "Referral_closedAt_referredAt_idx" ON "Referral"("closedAt", "referredAt");

-- CreateIndex
CREATE INDEX "Referral_requestId_idx" ON "Referral"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_requestId_memberId_key" ON "Recommendation"("requestId", "memberId");

-- CreateIndex
CREATE INDEX "Decision_releasedAt_idx" ON "Decision"("releasedAt");

-- CreateIndex
CREATE INDEX "Decision_requestId_idx" ON "Decision"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationItem_requestId_item_key" ON "RegistrationItem"("requestId", "item");

-- CreateIndex
CREATE INDEX "ServiceDelivery_beneficiaryId_deliveredOn_idx" ON "ServiceDelivery"("beneficiaryId", "deliveredOn");

-- CreateIndex
CREATE INDEX "ServiceDelivery_requestId_idx" ON "ServiceDelivery"("requestId");

-- CreateIndex
CREATE INDEX "Inquiry_beneficiaryId_recordedAt_idx" ON "Inquiry"("beneficiaryId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

