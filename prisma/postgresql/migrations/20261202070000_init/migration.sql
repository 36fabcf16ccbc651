-- PostgreSQL baseline: every SQLite migration up to 20261202070000_decision_beneficiary_note in one.
-- The trigram indexes of the name search need pg_trgm (a trusted extension, part of PostgreSQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userKey" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" INTEGER,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "requestId" INTEGER,
    "visibleToBeneficiary" BOOLEAN NOT NULL DEFAULT false,
    "details" TEXT,
    "ip" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" SERIAL NOT NULL,
    "nationalId" TEXT NOT NULL,
    "mobile" TEXT,
    "mobileVerifiedAt" TIMESTAMP(3),
    "passwordHash" TEXT,
    "privacyConsentAt" TIMESTAMP(3),
    "privacyNoticeVersion" TEXT,
    "fullName" TEXT,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "fileNumber" TEXT,
    "registeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "nameKey" TEXT,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" SERIAL NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" SERIAL NOT NULL,
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
    "submittedAt" TIMESTAMP(3),
    "responseWindowOpensAt" TIMESTAMP(3),
    "raisedAt" TIMESTAMP(3),
    "raisedByStaffId" INTEGER,
    "decisionReleasedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "ratedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "nameKey" TEXT,
    "anonymisedAt" TIMESTAMP(3),
    "birthDateEntered" TEXT,
    "idExpiryDateEntered" TEXT,

    CONSTRAINT "SupportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "nationalId" TEXT,
    "monthlyIncome" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestDocument" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedByStaffId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Declaration" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "textVersion" TEXT NOT NULL,
    "signatureName" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "channel" TEXT NOT NULL,
    "dataHash" TEXT NOT NULL,
    "witnessedByStaffId" INTEGER,
    "scanDocumentId" INTEGER,

    CONSTRAINT "Declaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationLine" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "staffId" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfoRequest" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "items" TEXT NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "requestedByRole" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "InfoRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "referredById" INTEGER NOT NULL,
    "referredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "visitDate" TEXT,
    "findings" TEXT,
    "recommendation" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "recommendation" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "approvedSupportType" TEXT,
    "amount" INTEGER,
    "quantity" INTEGER,
    "durationMonths" INTEGER,
    "rejectionReason" TEXT,
    "note" TEXT,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),
    "beneficiaryNote" TEXT,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationItem" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staffId" INTEGER NOT NULL,

    CONSTRAINT "RegistrationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDelivery" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "serviceType" TEXT NOT NULL,
    "amount" INTEGER,
    "quantity" INTEGER,
    "deliveredOn" TEXT NOT NULL,
    "deliveredById" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" SERIAL NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "channel" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "beneficiaryId" INTEGER,
    "template" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "BeneficiaryQuestion" (
    "id" SERIAL NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "question" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "BeneficiaryQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRating" (
    "id" SERIAL NOT NULL,
    "score" INTEGER NOT NULL,
    "easeScore" INTEGER NOT NULL,
    "comment" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "beneficiaryId" INTEGER,
    "requestId" INTEGER,
    "context" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceDocument" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingRegistration" (
    "id" SERIAL NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "privacyNoticeVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "staffId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "documentId" INTEGER,
    "requestId" INTEGER,
    "beneficiaryId" INTEGER NOT NULL,
    "ip" TEXT,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" SERIAL NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "noticeVersion" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "recordedByStaffId" INTEGER,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recordedByStaffId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'open',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "extendedAt" TIMESTAMP(3),
    "extensionReason" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" INTEGER,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachIncident" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "discoveredAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "authorityNotifiedAt" TIMESTAMP(3),

    CONSTRAINT "BreachIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachAffected" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "noticeQueuedAt" TIMESTAMP(3),

    CONSTRAINT "BreachAffected_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sid_key" ON "Session"("sid");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Session_userKey_idx" ON "Session"("userKey");

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
CREATE INDEX "Beneficiary_nameKey_idx" ON "Beneficiary"("nameKey");

-- CreateIndex
CREATE INDEX "Beneficiary_nameKey_trgm_idx" ON "Beneficiary" USING GIN ("nameKey" gin_trgm_ops);

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
CREATE INDEX "SupportRequest_status_city_supportType_responseWindowOpensA_idx" ON "SupportRequest"("status", "city", "supportType", "responseWindowOpensAt");

-- CreateIndex
CREATE INDEX "SupportRequest_status_submittedAt_idx" ON "SupportRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "SupportRequest_nameKey_idx" ON "SupportRequest"("nameKey");

-- CreateIndex
CREATE INDEX "SupportRequest_nameKey_trgm_idx" ON "SupportRequest" USING GIN ("nameKey" gin_trgm_ops);

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

-- CreateIndex
CREATE INDEX "BeneficiaryQuestion_answeredAt_askedAt_idx" ON "BeneficiaryQuestion"("answeredAt", "askedAt");

-- CreateIndex
CREATE INDEX "BeneficiaryQuestion_beneficiaryId_askedAt_idx" ON "BeneficiaryQuestion"("beneficiaryId", "askedAt");

-- CreateIndex
CREATE INDEX "ServiceRating_createdAt_idx" ON "ServiceRating"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceDocument_kind_key" ON "ReferenceDocument"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "PendingRegistration_beneficiaryId_key" ON "PendingRegistration"("beneficiaryId");

-- CreateIndex
CREATE INDEX "PendingRegistration_expiresAt_idx" ON "PendingRegistration"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_resetAt_idx" ON "RateLimitCounter"("resetAt");

-- CreateIndex
CREATE INDEX "AccessLog_beneficiaryId_at_idx" ON "AccessLog"("beneficiaryId", "at");

-- CreateIndex
CREATE INDEX "AccessLog_staffId_at_idx" ON "AccessLog"("staffId", "at");

-- CreateIndex
CREATE INDEX "ConsentRecord_beneficiaryId_purpose_at_idx" ON "ConsentRecord"("beneficiaryId", "purpose", "at");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_reference_key" ON "DataRequest"("reference");

-- CreateIndex
CREATE INDEX "DataRequest_status_dueAt_idx" ON "DataRequest"("status", "dueAt");

-- CreateIndex
CREATE INDEX "DataRequest_beneficiaryId_receivedAt_idx" ON "DataRequest"("beneficiaryId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BreachAffected_incidentId_beneficiaryId_key" ON "BreachAffected"("incidentId", "beneficiaryId");

-- AddForeignKey
ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestDocument" ADD CONSTRAINT "RequestDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Declaration" ADD CONSTRAINT "Declaration_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationLine" ADD CONSTRAINT "VerificationLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoRequest" ADD CONSTRAINT "InfoRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationItem" ADD CONSTRAINT "RegistrationItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDelivery" ADD CONSTRAINT "ServiceDelivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDelivery" ADD CONSTRAINT "ServiceDelivery_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachAffected" ADD CONSTRAINT "BreachAffected_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "BreachIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

