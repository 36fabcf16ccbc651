-- A delivery beyond the approval keeps its reason; a recorded service can be corrected or cancelled with a reason.
ALTER TABLE "ServiceDelivery" ADD COLUMN "exceedReason" TEXT;
ALTER TABLE "ServiceDelivery" ADD COLUMN "correctedAt" DATETIME;
ALTER TABLE "ServiceDelivery" ADD COLUMN "correctionReason" TEXT;
ALTER TABLE "ServiceDelivery" ADD COLUMN "cancelledAt" DATETIME;
ALTER TABLE "ServiceDelivery" ADD COLUMN "cancelledById" INTEGER;
ALTER TABLE "ServiceDelivery" ADD COLUMN "cancelReason" TEXT;
