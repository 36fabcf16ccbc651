import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // TEST_DATABASE=postgres: one PostgreSQL database per test file, copied from a template made once.
    globalSetup: ['tests/support/postgresSetup.ts'],
  },
});
