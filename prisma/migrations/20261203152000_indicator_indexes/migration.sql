-- The indicators page counts over a period without reading the tables themselves (issue 14).
-- CreateIndex
CREATE INDEX "SupportRequest_submittedAt_channel_idx" ON "SupportRequest"("submittedAt", "channel");

-- CreateIndex
CREATE INDEX "SupportRequest_status_decisionReleasedAt_idx" ON "SupportRequest"("status", "decisionReleasedAt");

-- CreateIndex
CREATE INDEX "Decision_outcome_decidedAt_idx" ON "Decision"("outcome", "decidedAt");

-- CreateIndex
CREATE INDEX "ServiceDelivery_deliveredOn_idx" ON "ServiceDelivery"("deliveredOn");

-- CreateIndex
CREATE INDEX "Beneficiary_registeredAt_idx" ON "Beneficiary"("registeredAt");

-- CreateIndex
CREATE INDEX "BeneficiaryQuestion_askedAt_idx" ON "BeneficiaryQuestion"("askedAt");
