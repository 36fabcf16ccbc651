-- CreateIndex
CREATE INDEX "SupportRequest_status_city_supportType_responseWindowOpensAt_idx" ON "SupportRequest"("status", "city", "supportType", "responseWindowOpensAt");

