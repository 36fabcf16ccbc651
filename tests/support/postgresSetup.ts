import { createPostgresTemplate, dropPostgresTestDatabases, testEngine } from './database.ts';

/** vitest globalSetup: on PostgreSQL, the template database once per run, and every test database dropped after. */
export default function setup(): () => void {
  if (testEngine() !== 'postgresql') return () => undefined;
  dropPostgresTestDatabases();
  createPostgresTemplate();
  return () => dropPostgresTestDatabases();
}
