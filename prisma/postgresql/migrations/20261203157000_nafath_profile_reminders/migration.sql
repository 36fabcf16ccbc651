-- DropForeignKey
ALTER TABLE "Inquiry" DROP CONSTRAINT "Inquiry_beneficiaryId_fkey";

-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN     "email" TEXT,
ADD COLUMN     "nafathVerifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "HouseholdMember" ADD COLUMN     "birthDateEntered" TEXT,
ADD COLUMN     "nameKey" TEXT;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "callerName" TEXT,
ADD COLUMN     "callerPhone" TEXT,
ALTER COLUMN "beneficiaryId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "PendingRegistration" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ServiceDelivery" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" INTEGER,
ADD COLUMN     "correctedAt" TIMESTAMP(3),
ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "exceedReason" TEXT;

-- AlterTable
ALTER TABLE "VerificationLine" ADD COLUMN     "dataFingerprint" TEXT;

-- CreateTable
CREATE TABLE "AnsweredRatingOccasion" (
    "key" TEXT NOT NULL,
    "requestId" INTEGER NOT NULL,

    CONSTRAINT "AnsweredRatingOccasion_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SuggestionOrComplaint" (
    "id" SERIAL NOT NULL,
    "reference" TEXT,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "beneficiaryId" INTEGER,
    "name" TEXT,
    "mobile" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "ownerStaffId" INTEGER,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "respondBy" TIMESTAMP(3) NOT NULL,
    "reply" TEXT,
    "repliedById" INTEGER,
    "repliedAt" TIMESTAMP(3),

    CONSTRAINT "SuggestionOrComplaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NafathRequest" (
    "id" SERIAL NOT NULL,
    "transId" TEXT NOT NULL,
    "nationalId" TEXT NOT NULL,
    "randomNumber" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "beneficiaryId" INTEGER,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "NafathRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftReminder" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "draftUpdatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnsweredRatingOccasion_requestId_idx" ON "AnsweredRatingOccasion"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionOrComplaint_reference_key" ON "SuggestionOrComplaint"("reference");

-- CreateIndex
CREATE INDEX "SuggestionOrComplaint_status_respondBy_idx" ON "SuggestionOrComplaint"("status", "respondBy");

-- CreateIndex
CREATE INDEX "SuggestionOrComplaint_kind_status_idx" ON "SuggestionOrComplaint"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "NafathRequest_transId_key" ON "NafathRequest"("transId");

-- CreateIndex
CREATE INDEX "NafathRequest_expiresAt_idx" ON "NafathRequest"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftReminder_requestId_kind_draftUpdatedAt_key" ON "DraftReminder"("requestId", "kind", "draftUpdatedAt");

-- CreateIndex
CREATE INDEX "Beneficiary_registeredAt_idx" ON "Beneficiary"("registeredAt");

-- CreateIndex
CREATE INDEX "BeneficiaryQuestion_askedAt_idx" ON "BeneficiaryQuestion"("askedAt");

-- CreateIndex
CREATE INDEX "Decision_outcome_decidedAt_idx" ON "Decision"("outcome", "decidedAt");

-- CreateIndex
CREATE INDEX "HouseholdMember_nameKey_birthDate_idx" ON "HouseholdMember"("nameKey", "birthDate");

-- CreateIndex
CREATE INDEX "ServiceDelivery_deliveredOn_idx" ON "ServiceDelivery"("deliveredOn");

-- CreateIndex
CREATE INDEX "SupportRequest_submittedAt_channel_idx" ON "SupportRequest"("submittedAt", "channel");

-- CreateIndex
CREATE INDEX "SupportRequest_status_decisionReleasedAt_idx" ON "SupportRequest"("status", "decisionReleasedAt");

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: the same as SQLite's 20261203154000_beneficiary_name_from_requests (portable SQL).
UPDATE "Beneficiary"
SET "fullName" = (
      SELECT "SupportRequest"."fullName" FROM "SupportRequest"
      WHERE "SupportRequest"."beneficiaryId" = "Beneficiary"."id" AND "SupportRequest"."fullName" IS NOT NULL AND trim("SupportRequest"."fullName") <> ''
      ORDER BY "SupportRequest"."id" DESC LIMIT 1
    ),
    "nameKey" = NULL
WHERE ("fullName" IS NULL OR trim("fullName") = '')
  AND "nationalId" NOT LIKE 'ANON-%'
  AND EXISTS (
      SELECT 1 FROM "SupportRequest"
      WHERE "SupportRequest"."beneficiaryId" = "Beneficiary"."id" AND "SupportRequest"."fullName" IS NOT NULL AND trim("SupportRequest"."fullName") <> ''
    );
