-- A verification line remembers the data it covered, so a later change returns it to "to verify".
ALTER TABLE "VerificationLine" ADD COLUMN "dataFingerprint" TEXT;
