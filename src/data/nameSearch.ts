import type { PrismaClient } from '../generated/prisma/client.ts';
import { nameKey, TRIGRAM_LENGTH } from '../domain/nameKey.ts';
import { engineOf } from './prismaClient.ts';
import type { SqlReader } from './sqlReader.ts';

const BACKFILL_BATCH = 500;

/**
 * Keys for rows written before the key existed (the migration adds the column empty) or by tools that
 * bypass the repositories. Runs at start-up with `name_key`, the SQL function the connection gets
 * from src/domain/nameKey.ts (prismaClient.ts); a no-op once every name has its key.
 */
export async function backfillNameKeys(prisma: PrismaClient): Promise<number> {
  if (engineOf(prisma) === 'postgresql') return backfillNameKeysRowByRow(prisma);
  let filled = 0;
  for (const table of ['Beneficiary', 'SupportRequest', 'HouseholdMember']) {
    filled += await prisma.$executeRawUnsafe(`UPDATE "${table}" SET "nameKey" = name_key("fullName") WHERE "nameKey" IS NULL AND "fullName" IS NOT NULL`);
  }
  // Row-by-row inserts leave the trigram index in many small segments; merging them once after a
  // bulk fill makes a long search over 100,000 names about six times faster (README, Benchmark).
  if (filled > 0) await optimizeNameIndexes(prisma);
  return filled;
}

/** PostgreSQL has no `name_key` function (and keeps its trigram index merged itself): keys computed here. */
async function backfillNameKeysRowByRow(prisma: PrismaClient): Promise<number> {
  let filled = 0;
  for (const table of ['Beneficiary', 'SupportRequest', 'HouseholdMember']) {
    for (;;) {
      const rows = await prisma.$queryRawUnsafe<{ id: number; fullName: string }[]>(
        `SELECT "id", "fullName" FROM "${table}" WHERE "nameKey" IS NULL AND "fullName" IS NOT NULL ORDER BY "id" LIMIT ${BACKFILL_BATCH}`,
      );
      if (rows.length === 0) break;
      await prisma.$transaction(rows.map((row) => prisma.$executeRawUnsafe(`UPDATE "${table}" SET "nameKey" = $1 WHERE "id" = $2`, nameKey(row.fullName), row.id)));
      filled += rows.length;
    }
  }
  return filled;
}

export async function optimizeNameIndexes(prisma: PrismaClient): Promise<void> {
  if (engineOf(prisma) === 'postgresql') return;
  for (const table of ['BeneficiaryNameSearch', 'SupportRequestNameSearch']) {
    await prisma.$executeRawUnsafe(`INSERT INTO "${table}"("${table}") VALUES ('optimize')`);
  }
}

/** The key to store beside a name: null when there is no name. */
export function nameKeyOf(fullName: string | null | undefined): string | null {
  return fullName === null || fullName === undefined ? null : nameKey(fullName);
}

/** A LIKE pattern matching the key as one substring (PostgreSQL's trigram index serves it). */
function likeSubstring(key: string): string {
  return `%${key.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** An FTS5 phrase: the key matched as one substring, whatever characters it holds. */
function ftsPhrase(key: string): string {
  return `"${key.replaceAll('"', '""')}"`;
}

/**
 * Ids of the people whose own name, or the name on one of their requests, contains what was typed,
 * newest first. Keys of three characters or more go through the trigram indexes; shorter ones match
 * the start of the name through the B-tree index on the key.
 *
 * Each index gives its newest `limit` matches, so when more than `limit` people match, the ones shown
 * are the newest by person and by request: the desk narrows the search rather than pages through it.
 */
export async function beneficiaryIdsByName(sql: SqlReader, typed: string, limit: number): Promise<number[]> {
  const key = nameKey(typed);
  if (key === '') return [];
  let rows: { id: number }[];
  if ([...key].length >= TRIGRAM_LENGTH && sql.engine === 'postgresql') {
    // pg_trgm's GIN index serves the substring match (prisma/composeSchema.ts adds it).
    const pattern = likeSubstring(key);
    const [own, onRequests] = await Promise.all([
      sql.all<{ id: number }>('SELECT "id" AS "id" FROM "Beneficiary" WHERE "nameKey" LIKE ? ORDER BY "id" DESC LIMIT ?', [pattern, limit]),
      sql.all<{ id: number }>('SELECT "beneficiaryId" AS "id" FROM "SupportRequest" WHERE "nameKey" LIKE ? ORDER BY "id" DESC LIMIT ?', [pattern, limit]),
    ]);
    rows = [...own, ...onRequests];
  } else if ([...key].length >= TRIGRAM_LENGTH) {
    const phrase = ftsPhrase(key);
    const [own, onRequests] = await Promise.all([
      // FTS5 is SQLite's own: a PostgreSQL reader answers these two with pg_trgm instead.
      sql.all<{ id: number }>('SELECT rowid AS id FROM "BeneficiaryNameSearch" WHERE "BeneficiaryNameSearch" MATCH ? ORDER BY rowid DESC LIMIT ?', [phrase, limit]),
      sql.all<{ id: number }>(
        'SELECT r."beneficiaryId" AS id FROM (SELECT rowid FROM "SupportRequestNameSearch" WHERE "SupportRequestNameSearch" MATCH ? ORDER BY rowid DESC LIMIT ?) AS m JOIN "SupportRequest" AS r ON r."id" = m.rowid',
        [phrase, limit],
      ),
    ]);
    rows = [...own, ...onRequests];
  } else {
    // Every key that starts with `key` sorts between it and it followed by the highest code point.
    const upper = `${key}\u{10ffff}`;
    const [own, onRequests] = await Promise.all([
      sql.all<{ id: number }>('SELECT "id" AS id FROM "Beneficiary" WHERE "nameKey" >= ? AND "nameKey" < ? ORDER BY "id" DESC LIMIT ?', [key, upper, limit]),
      sql.all<{ id: number }>('SELECT "beneficiaryId" AS id FROM "SupportRequest" WHERE "nameKey" >= ? AND "nameKey" < ? ORDER BY "id" DESC LIMIT ?', [key, upper, limit]),
    ]);
    rows = [...own, ...onRequests];
  }
  return [...new Set(rows.map((row) => Number(row.id)))].sort((a, b) => b - a).slice(0, limit);
}
