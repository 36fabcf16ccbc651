import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { mapColumns, numberedPlaceholders, placeholders, prismaSqlReader, sqliteSqlReader, type SqlReader } from '../../src/data/sqlReader.ts';
import { createPrismaClient, sqliteFilePath } from '../../src/data/prismaClient.ts';
import { freshDatabaseUrl } from '../support/database.ts';

const readers: SqlReader[] = [];
afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
});

function databaseWithPeople(): string {
  const url = freshDatabaseUrl();
  const db = new Database(sqliteFilePath(url));
  db.exec(`CREATE TABLE "Person" ("id" INTEGER PRIMARY KEY, "name" TEXT, "active" BOOLEAN, "bornAt" DATETIME);
    INSERT INTO "Person" ("name", "active", "bornAt") VALUES ('أحمد', 1, '1985-03-01T00:00:00.000+00:00'), ('سارة', 0, NULL);`);
  db.close();
  return url;
}

describe('SQLite reader', () => {
  it('binds ? placeholders and maps dates, booleans and counts to the model types', async () => {
    const reader = sqliteSqlReader(sqliteFilePath(databaseWithPeople()));
    readers.push(reader);
    const rows = await reader.all<{ id: number; name: string; active: boolean; bornAt: Date | null }>(
      'SELECT "id", "name", "active", "bornAt" FROM "Person" WHERE "id" IN (' + placeholders(2) + ') ORDER BY "id"',
      [1, 2],
      { active: 'boolean', bornAt: 'date' },
    );
    expect(rows).toEqual([
      { id: 1, name: 'أحمد', active: true, bornAt: new Date('1985-03-01T00:00:00Z') },
      { id: 2, name: 'سارة', active: false, bornAt: null },
    ]);
    const [counted] = await reader.all<{ total: number }>('SELECT COUNT(*) AS "total" FROM "Person" WHERE "active" = ?', [true], { total: 'integer' });
    expect(counted).toEqual({ total: 1 });
  });

  it('compares a bound date with the stored text as the adapter writes it', async () => {
    const reader = sqliteSqlReader(sqliteFilePath(databaseWithPeople()));
    readers.push(reader);
    const rows = await reader.all<{ name: string }>('SELECT "name" FROM "Person" WHERE "bornAt" <= ?', [new Date('1985-03-01T00:00:00Z')]);
    expect(rows).toEqual([{ name: 'أحمد' }]);
  });

  it('reuses one prepared statement per SQL text and counts every statement run', async () => {
    const reader = sqliteSqlReader(sqliteFilePath(databaseWithPeople()), { maxStatements: 1 });
    readers.push(reader);
    expect(await reader.all('SELECT "name" FROM "Person" WHERE "id" = ?', [1])).toEqual([{ name: 'أحمد' }]);
    expect(await reader.all('SELECT "name" FROM "Person" WHERE "id" = ?', [2])).toEqual([{ name: 'سارة' }]);
    expect(await reader.all('SELECT "id" FROM "Person" WHERE "id" = ?', [2])).toEqual([{ id: 2 }]);
    expect(reader.statementsRun()).toBe(3);
  });

  it('is read-only and sees what another connection committed', async () => {
    const url = databaseWithPeople();
    const reader = sqliteSqlReader(sqliteFilePath(url));
    readers.push(reader);
    await expect(reader.all(`INSERT INTO "Person" ("name") VALUES ('خالد') RETURNING "id"`)).rejects.toThrow(/readonly/i);
    const writer = new Database(sqliteFilePath(url));
    writer.prepare(`INSERT INTO "Person" ("name") VALUES ('خالد')`).run();
    writer.close();
    expect(await reader.all('SELECT COUNT(*) AS "total" FROM "Person"', [], { total: 'integer' })).toEqual([{ total: 3 }]);
  });

  it('gives the same rows through a Prisma client (the reader of a transaction)', async () => {
    const url = databaseWithPeople();
    const prisma = await createPrismaClient(url);
    try {
      const sql = 'SELECT "id", "active", "bornAt" FROM "Person" WHERE "id" = ?';
      const types = { active: 'boolean', bornAt: 'date', id: 'integer' } as const;
      const direct = sqliteSqlReader(sqliteFilePath(url));
      readers.push(direct);
      expect(await prismaSqlReader(prisma).all(sql, [1], types)).toEqual(await direct.all(sql, [1], types));
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('placeholders', () => {
  it('numbers ? for PostgreSQL and refuses an empty IN list', () => {
    expect(numberedPlaceholders('SELECT 1 WHERE "a" = ? AND "b" IN (?, ?)')).toBe('SELECT 1 WHERE "a" = $1 AND "b" IN ($2, $3)');
    expect(() => placeholders(0)).toThrow();
    expect(mapColumns([{ n: '7' }], { n: 'integer' })).toEqual([{ n: 7 }]);
  });
});
