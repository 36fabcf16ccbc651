-- The normalised name key (src/domain/nameKey.ts) beside each name the reception desk searches.
-- SQL cannot run the normaliser: the app fills keys left NULL here once at start-up
-- (backfillNameKeys in src/data/nameSearch.ts), and the repositories write the key with each name.
ALTER TABLE "Beneficiary" ADD COLUMN "nameKey" TEXT;
ALTER TABLE "SupportRequest" ADD COLUMN "nameKey" TEXT;

-- Names shorter than a trigram are matched on their start through these.
CREATE INDEX "Beneficiary_nameKey_idx" ON "Beneficiary"("nameKey");
CREATE INDEX "SupportRequest_nameKey_idx" ON "SupportRequest"("nameKey");

-- Substring search: FTS5 trigram indexes over the keys, external-content tables kept in step by
-- triggers (Prisma's schema cannot describe them; src/data/nameSearch.ts queries them with SQL).
CREATE VIRTUAL TABLE "BeneficiaryNameSearch" USING fts5("nameKey", content='Beneficiary', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE "SupportRequestNameSearch" USING fts5("nameKey", content='SupportRequest', content_rowid='id', tokenize='trigram');

CREATE TRIGGER "Beneficiary_nameKey_insert" AFTER INSERT ON "Beneficiary" WHEN new."nameKey" IS NOT NULL BEGIN
  INSERT INTO "BeneficiaryNameSearch"(rowid, "nameKey") VALUES (new."id", new."nameKey");
END;
CREATE TRIGGER "Beneficiary_nameKey_delete" AFTER DELETE ON "Beneficiary" WHEN old."nameKey" IS NOT NULL BEGIN
  INSERT INTO "BeneficiaryNameSearch"("BeneficiaryNameSearch", rowid, "nameKey") VALUES ('delete', old."id", old."nameKey");
END;
CREATE TRIGGER "Beneficiary_nameKey_update" AFTER UPDATE OF "nameKey" ON "Beneficiary" WHEN old."nameKey" IS NOT new."nameKey" BEGIN
  INSERT INTO "BeneficiaryNameSearch"("BeneficiaryNameSearch", rowid, "nameKey") SELECT 'delete', old."id", old."nameKey" WHERE old."nameKey" IS NOT NULL;
  INSERT INTO "BeneficiaryNameSearch"(rowid, "nameKey") SELECT new."id", new."nameKey" WHERE new."nameKey" IS NOT NULL;
END;

CREATE TRIGGER "SupportRequest_nameKey_insert" AFTER INSERT ON "SupportRequest" WHEN new."nameKey" IS NOT NULL BEGIN
  INSERT INTO "SupportRequestNameSearch"(rowid, "nameKey") VALUES (new."id", new."nameKey");
END;
CREATE TRIGGER "SupportRequest_nameKey_delete" AFTER DELETE ON "SupportRequest" WHEN old."nameKey" IS NOT NULL BEGIN
  INSERT INTO "SupportRequestNameSearch"("SupportRequestNameSearch", rowid, "nameKey") VALUES ('delete', old."id", old."nameKey");
END;
CREATE TRIGGER "SupportRequest_nameKey_update" AFTER UPDATE OF "nameKey" ON "SupportRequest" WHEN old."nameKey" IS NOT new."nameKey" BEGIN
  INSERT INTO "SupportRequestNameSearch"("SupportRequestNameSearch", rowid, "nameKey") SELECT 'delete', old."id", old."nameKey" WHERE old."nameKey" IS NOT NULL;
  INSERT INTO "SupportRequestNameSearch"(rowid, "nameKey") SELECT new."id", new."nameKey" WHERE new."nameKey" IS NOT NULL;
END;
