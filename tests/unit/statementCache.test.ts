import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStatementCache, withStatementCache } from '../../src/data/statementCache.ts';
import { createPrismaClient, statementStats } from '../../src/data/prismaClient.ts';
import { freshDatabaseUrl } from '../support/database.ts';

function people() {
  const db = new Database(':memory:');
  db.exec(
    "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO person (name) VALUES ('أحمد'), ('سارة'), ('خالد');",
  );
  return db;
}

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('statement cache', () => {
  it('prepares a SQL text once and reuses it with different arguments, each call seeing its own', () => {
    const db = people();
    opened.push(db);
    const cache = createStatementCache(db);
    const sql = 'SELECT name FROM person WHERE id = ?';
    const first = cache.prepare(sql).bind([1]);
    const second = cache.prepare(sql).bind([2]);
    expect(second.raw().all()).toEqual([['سارة']]);
    expect(first.raw().all()).toEqual([['أحمد']]);
    expect(cache.prepare(sql).bind([3]).all()).toEqual([{ name: 'خالد' }]);
    expect(cache.stats()).toEqual({ hits: 2, misses: 1, size: 1 });
  });

  it('resets the raw mode on every read, so a raw read does not leak into the next one', () => {
    const db = people();
    opened.push(db);
    const cache = createStatementCache(db);
    const sql = 'SELECT id, name FROM person ORDER BY id LIMIT 1';
    expect(cache.prepare(sql).bind([]).raw().all()).toEqual([[1, 'أحمد']]);
    expect(cache.prepare(sql).bind([]).get()).toEqual({ id: 1, name: 'أحمد' });
    expect(cache.prepare(sql).bind([]).raw().get()).toEqual([1, 'أحمد']);
  });

  it('keeps at most the bound, dropping the least recently used text', () => {
    const db = people();
    opened.push(db);
    const cache = createStatementCache(db, { maxEntries: 2 });
    const a = 'SELECT 1';
    const b = 'SELECT 2';
    const c = 'SELECT 3';
    cache.prepare(a);
    cache.prepare(b);
    cache.prepare(a); // a is now the most recent; b goes first
    cache.prepare(c);
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, size: 2 });
    cache.prepare(a);
    expect(cache.stats().hits).toBe(2);
    cache.prepare(b);
    expect(cache.stats().misses).toBe(4);
  });

  it('runs writes through the cached statement and reports the column list of reads', () => {
    const db = withStatementCache(people());
    opened.push(db);
    const insert = 'INSERT INTO person (name) VALUES (?)';
    expect(db.prepare(insert).bind(['منى']).run().changes).toBe(1);
    expect(db.prepare(insert).bind(['هند']).run().changes).toBe(1);
    const count = db.prepare('SELECT count(*) AS n FROM person').bind([]);
    expect(count.reader).toBe(true);
    expect(count.columns().map((column) => column.name)).toEqual(['n']);
    expect(count.raw().all()).toEqual([[5]]);
    expect(db.prepare(insert).reader).toBe(false);
    expect(db.statementCacheStats()).toMatchObject({ hits: 2, misses: 2 });
  });

  it('serves Prisma: repeated queries hit the cache and transactions still commit and roll back', async () => {
    const prisma = await createPrismaClient(freshDatabaseUrl());
    try {
      for (const nationalId of ['1000000001', '1000000002']) {
        await prisma.beneficiary.create({ data: { nationalId, fullName: `مستفيد ${nationalId}` } });
      }
      const before = statementStats(prisma);
      // One after the other: findUnique calls issued in the same tick are batched into one query.
      const found = [];
      for (const nationalId of ['1000000001', '1000000002'])
        found.push(await prisma.beneficiary.findUnique({ where: { nationalId } }));
      expect(found.map((row) => row?.fullName)).toEqual(['مستفيد 1000000001', 'مستفيد 1000000002']);
      const after = statementStats(prisma);
      expect(after.hits - before.hits).toBeGreaterThanOrEqual(1);

      await expect(
        prisma.$transaction(async (tx) => {
          await tx.beneficiary.create({ data: { nationalId: '1000000003' } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await prisma.$transaction(async (tx) => {
        await tx.beneficiary.create({ data: { nationalId: '1000000004' } });
      });
      expect(
        (
          await prisma.beneficiary.findMany({
            select: { nationalId: true },
            orderBy: { id: 'asc' },
          })
        ).map((row) => row.nationalId),
      ).toEqual(['1000000001', '1000000002', '1000000004']);
    } finally {
      await prisma.$disconnect();
    }
  });
});
