ALTER TABLE "Decision" ADD COLUMN "beneficiaryNote" TEXT;
