import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/data/postgres.ts';
import { postgresSqlReader } from '../../src/data/pgSqlReader.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import type pg from 'pg';

let pool: pg.Pool;
beforeAll(async () => {
  pool = createPool(freshDatabaseUrl(), 2);
  await pool.query(`INSERT INTO "StaffUser" ("email", "fullName", "passwordHash", "roles", "updatedAt") VALUES ('a@example.org', 'أ', 'x', 'admin', now())`);
});
afterAll(() => pool.end());

describe('the PostgreSQL SQL reader', () => {
  it('runs portable SQL with ? placeholders and gives the types the contract promises', async () => {
    const reader = postgresSqlReader(pool);
    const rows = await reader.all<{ id: number; active: boolean; createdAt: Date; total: number }>(
      `SELECT "id", "active", "createdAt", (SELECT COUNT(*) FROM "StaffUser" WHERE "roles" = ?) AS "total" FROM "StaffUser" WHERE "email" = ? AND "active" = ?`,
      ['admin', 'a@example.org', true],
      { total: 'integer' },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ active: true, total: 1 });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
    expect(typeof rows[0]!.id).toBe('number');
    await reader.all('SELECT 1 AS one WHERE ? = ?', [1, 1]);
    expect(reader.statementsRun()).toBe(2);
  });
});
