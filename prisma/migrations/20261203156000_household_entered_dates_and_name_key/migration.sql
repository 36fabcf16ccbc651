-- Household birth dates kept as typed, and the name's search key for duplicate detection.
-- AlterTable
ALTER TABLE "HouseholdMember" ADD COLUMN "birthDateEntered" TEXT;
ALTER TABLE "HouseholdMember" ADD COLUMN "nameKey" TEXT;

-- CreateIndex
CREATE INDEX "HouseholdMember_nameKey_birthDate_idx" ON "HouseholdMember"("nameKey", "birthDate");
