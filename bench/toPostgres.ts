import Database from 'better-sqlite3';
import pg from 'pg';
import { sqliteFilePath } from '../src/data/prismaClient.ts';

/**
 * `BENCH_DATABASE=postgres npm run bench` (server at TEST_POSTGRES_URL): the benchmark seeds SQLite in bulk as
 * always (bench/seed.ts), then copies the seeded tables into a new PostgreSQL database made from the PostgreSQL
 * migrations, so both engines serve the same rows.
 */
export const benchEngine = (): 'sqlite' | 'postgresql' => (process.env.BENCH_DATABASE === 'postgres' ? 'postgresql' : 'sqlite');

const TABLES = ['StaffUser', 'Beneficiary', 'SupportRequest'];
const BATCH_ROWS = 1_000;

export async function copyToPostgres(sqliteUrl: string): Promise<string> {
  process.env.TEST_DATABASE = 'postgres';
  process.env.TAYSEER_TEST_RUN ??= 'bench';
  const { createPostgresTemplate, freshDatabaseUrl } = await import('../tests/support/database.ts');
  createPostgresTemplate();
  const databaseUrl = freshDatabaseUrl();
  const source = new Database(sqliteFilePath(sqliteUrl), { readonly: true });
  const target = new pg.Client({ connectionString: databaseUrl });
  await target.connect();
  try {
    const booleans = await target.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'boolean' AND table_schema = 'public'",
    );
    for (const table of TABLES) {
      const boolColumns = new Set(booleans.rows.filter((row) => row.table_name === table).map((row) => row.column_name));
      const rows = source.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).all() as Record<string, unknown>[];
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      for (let start = 0; start < rows.length; start += BATCH_ROWS) {
        const batch = rows.slice(start, start + BATCH_ROWS);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const marks = columns.map((column) => {
            const value = row[column];
            values.push(boolColumns.has(column) && value !== null ? Boolean(value) : typeof value === 'bigint' ? Number(value) : value);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await target.query(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
      await target.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
    }
    await target.query('ANALYZE');
  } finally {
    source.close();
    await target.end();
  }
  return databaseUrl;
}
