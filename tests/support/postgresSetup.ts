import { randomBytes } from 'node:crypto';
import { createPostgresTemplate, dropPostgresTestDatabases, testEngine } from './database.ts';

/** vitest globalSetup: on PostgreSQL, this run's template database, and every database of this run dropped after. */
export default function setup(): () => void {
  if (testEngine() !== 'postgresql') return () => undefined;
  // Inherited by the test workers, which start after this.
  process.env.TAYSEER_TEST_RUN ??= randomBytes(4).toString('hex');
  createPostgresTemplate();
  return () => dropPostgresTestDatabases();
}
