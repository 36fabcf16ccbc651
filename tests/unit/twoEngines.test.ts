import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databaseEngine } from '../../src/data/databaseEngine.ts';
import { ReadCache } from '../../src/data/readCache.ts';
import { composePostgresSchema, SQLITE_SCHEMA } from '../../prisma/composeSchema.ts';

describe('DATABASE_URL chooses the engine', () => {
  it('reads file: as SQLite and postgres(ql):// as PostgreSQL, and refuses anything else', () => {
    expect(databaseEngine('file:./data/tayseer.db')).toBe('sqlite');
    expect(databaseEngine('postgresql://u:p@db:5432/tayseer')).toBe('postgresql');
    expect(databaseEngine('postgres://db/tayseer')).toBe('postgresql');
    expect(() => databaseEngine('mysql://db/tayseer')).toThrow(/DATABASE_URL/);
  });
});

describe('the PostgreSQL schema composed from the one model file', () => {
  const sqlite = fs.readFileSync(SQLITE_SCHEMA, 'utf8');
  const composed = composePostgresSchema(sqlite);

  it('changes the provider and the client output, and adds the trigram indexes', () => {
    expect(composed).toMatch(/provider\s*=\s*"postgresql"/);
    expect(composed).toContain('output       = "../../src/generated/prisma-postgresql"');
    expect(composed).toContain('type: Gin, map: "Beneficiary_nameKey_trgm_idx"');
    expect(composed).toContain('type: Gin, map: "SupportRequest_nameKey_trgm_idx"');
  });

  it('keeps every model line as it is', () => {
    const modelLines = (schema: string) => schema.split('\n').filter((line) => !/provider|output|gin_trgm_ops|^\/\/ Composed/.test(line));
    expect(modelLines(composed)).toEqual(modelLines(sqlite));
  });
});

describe('read-cache invalidations between instances', () => {
  it('tells the others about its own invalidations, never about theirs', async () => {
    const told: (string | null)[] = [];
    const cache = new ReadCache<number>({ ttlMs: 60_000, maxEntries: 10, onInvalidate: (key) => told.push(key) });
    let loads = 0;
    const read = () => cache.read('a', async () => ++loads);
    await read();
    cache.invalidate('a');
    cache.invalidateAll();
    expect(told).toEqual(['a', null]);

    await read();
    cache.invalidateFromElsewhere('a');
    expect(await read()).toBe(3);
    cache.invalidateFromElsewhere(null);
    expect(await read()).toBe(4);
    expect(told).toEqual(['a', null]);
  });
});
