import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { MigrationPg } from '../../prisma/pgNameTypeWorkaround.ts';
import { freshDatabaseUrl } from '../support/database.ts';

// prisma/orm#27403: @prisma/adapter-pg cannot read PostgreSQL's `name` (OID 19) or `"char"` (OID 18) columns, which
// the schema engine reads from the catalogue. If the first test fails, the adapter reads them now: delete
// prisma/pgNameTypeWorkaround.ts and give prisma.config.ts a plain PrismaPg.
const CATALOGUE_QUERY = {
  sql: `SELECT n.nspname, c.contype FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' LIMIT 1`,
  args: [],
  argTypes: [],
};

let databaseUrl: string;
beforeAll(() => {
  databaseUrl = freshDatabaseUrl();
});

describe('the adapter-pg workaround for the Prisma CLI', () => {
  it('is still needed: the plain adapter cannot read catalogue columns of type name', async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const adapter = await new PrismaPg(pool).connect();
    try {
      await expect(adapter.queryRaw(CATALOGUE_QUERY)).rejects.toThrow();
    } finally {
      await adapter.dispose();
      await pool.end();
    }
  });

  it('reads them as text, through the pool (callback form) and in a transaction (promise form)', async () => {
    const factory = new MigrationPg(databaseUrl);
    const adapter = await factory.connect();
    try {
      const direct = await adapter.queryRaw(CATALOGUE_QUERY);
      expect(direct.rows[0]).toEqual(['public', expect.stringMatching(/^[a-z]$/)]);
      const transaction = await adapter.startTransaction();
      const inside = await transaction.queryRaw(CATALOGUE_QUERY);
      await transaction.commit();
      expect(inside.rows).toEqual(direct.rows);
    } finally {
      await adapter.dispose();
      await adapter.underlyingDriver().end();
    }
  });

  it('makes and drops a shadow database for migrate diff', async () => {
    const factory = new MigrationPg(databaseUrl);
    const shadow = await factory.connectToShadowDb();
    const name = String((await shadow.queryRaw({ sql: 'SELECT current_database()::text AS name', args: [], argTypes: [] })).rows[0]?.[0]);
    expect(name).toMatch(/^prisma_migrate_shadow_db_/);
    await shadow.dispose();
    const main = await factory.connect();
    const left = await main.queryRaw({ sql: 'SELECT count(*)::int FROM pg_database WHERE datname = $1', args: [name], argTypes: [{ scalarType: 'string', arity: 'scalar' }] as never });
    expect(left.rows[0]).toEqual([0]);
    await main.dispose();
    await main.underlyingDriver().end();
  });
});

