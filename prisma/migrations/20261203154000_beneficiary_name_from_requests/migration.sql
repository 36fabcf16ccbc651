-- The person's name lives on their record: people recorded before the request's name was copied
-- there get the name of their latest request that has one. The name key is left empty for the
-- start-up backfill (src/data/nameSearch.ts), which computes it with the same function as the portal.
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
