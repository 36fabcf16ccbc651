import { defineConfig } from 'vitest/config';

const onPostgres = process.env.TEST_DATABASE === 'postgres';

/** Tests of SQLite itself (its file locks and busy timeout): not run when the suite runs on PostgreSQL. */
export const SQLITE_ONLY_TESTS = ['tests/integration/foundation/busyDatabase.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/postgres needs a PostgreSQL server (TEST_DATABASE=postgres, TEST_POSTGRES_URL): .ci/run starts one.
    exclude: ['**/node_modules/**', ...(onPostgres ? SQLITE_ONLY_TESTS : ['tests/postgres/**'])],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // TEST_DATABASE=postgres: one PostgreSQL database per test file, copied from a template made once.
    globalSetup: ['tests/support/postgresSetup.ts'],
  },
});
