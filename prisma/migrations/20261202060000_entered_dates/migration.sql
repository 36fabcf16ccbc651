-- What the person typed (calendar and day, month, year) beside the ISO dates.
ALTER TABLE "SupportRequest" ADD COLUMN "birthDateEntered" TEXT;
ALTER TABLE "SupportRequest" ADD COLUMN "idExpiryDateEntered" TEXT;
