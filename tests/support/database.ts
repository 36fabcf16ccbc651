import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS_DIR = path.resolve('prisma/migrations');
const POSTGRES_MIGRATIONS_DIR = path.resolve('prisma/postgresql/migrations');
/**
 * Test databases on PostgreSQL are named after their run (TAYSEER_TEST_RUN, set by tests/support/postgresSetup.ts),
 * so runs sharing a server never drop each other's. Each is a copy of the run's template.
 */
const runPrefix = () => `tayseer_test_${process.env.TAYSEER_TEST_RUN ?? 'adhoc'}_`;
const postgresTemplate = () => `${runPrefix()}template`;
const QUIET = { ...process.env, PGOPTIONS: '-c client_min_messages=warning' };

/** `TEST_DATABASE=postgres` runs the tests on PostgreSQL (server at TEST_POSTGRES_URL), otherwise on SQLite. */
export const testEngine = (): 'sqlite' | 'postgresql' => (process.env.TEST_DATABASE === 'postgres' ? 'postgresql' : 'sqlite');

export function testPostgresUrl(database = 'postgres'): string {
  const url = new URL(process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:55432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

export function psql(sql: string, database = 'postgres'): string {
  return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', testPostgresUrl(database), '-c', sql], { encoding: 'utf8', env: QUIET });
}

export function migrationFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => !name.endsWith('.toml') && !name.startsWith('.') && fs.existsSync(path.join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => path.join(dir, name, 'migration.sql'));
}

/** The template every PostgreSQL test database is copied from: every committed migration applied. */
export function createPostgresTemplate(): void {
  psql(`DROP DATABASE IF EXISTS ${postgresTemplate()}`);
  psql(`CREATE DATABASE ${postgresTemplate()}`);
  for (const file of migrationFiles(POSTGRES_MIGRATIONS_DIR)) {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', testPostgresUrl(postgresTemplate()), '-f', file], { stdio: ['ignore', 'ignore', 'inherit'], env: QUIET });
  }
}

export function dropPostgresTestDatabases(): void {
  const names = psql(`SELECT datname FROM pg_database WHERE starts_with(datname, '${runPrefix()}')`).split('\n').filter(Boolean);
  for (const name of names) psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * A new database with every committed migration applied, as `prisma migrate deploy` would: a SQLite file, or on
 * PostgreSQL a copy of the template (made in milliseconds). Returns its DATABASE_URL.
 */
export function freshDatabaseUrl(): string {
  if (testEngine() === 'postgresql') {
    const name = `${runPrefix()}${randomBytes(6).toString('hex')}`;
    psql(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplate()}`);
    return testPostgresUrl(name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-test-'));
  const file = path.join(dir, 'test.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const migration of migrationFiles(MIGRATIONS_DIR)) db.exec(fs.readFileSync(migration, 'utf8'));
  db.close();
  return `file:${file}`;
}

/** A directory for one test app's uploads. */
export function freshUploadDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-uploads-'));
}
