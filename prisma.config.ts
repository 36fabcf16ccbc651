import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from './src/data/sqliteSettings.ts';
import { databaseEngine } from './src/data/databaseEngine.ts';
import { SQLITE_SCHEMA, POSTGRES_DIR, writePostgresSchema } from './prisma/composeSchema.ts';
import { MigrationPg } from './prisma/pgNameTypeWorkaround.ts';

// The CLI falls back to a native engine (which cannot be downloaded here) when the
// schema's datasource URL is unreadable, so it always gets a default.
process.env.DATABASE_URL ??= 'file:./data/tayseer.db';

function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ''));
}

const EXCLUSIVE_LOCKING = /^\s*PRAGMA\s+(main\.)?locking_mode\s*=\s*EXCLUSIVE\s*;?\s*$/i;

/**
 * The schema engine asks SQLite for an exclusive lock on the whole file before migrating. In WAL mode that lock
 * cannot be had while any other connection is open, so `prisma migrate deploy` (and `npm run seed:demo`, which runs
 * it) failed with SQLITE_BUSY whenever the portal was running. Without it each migration still runs in its own
 * transaction and waits for the portal's writes through the busy timeout, like any other writer.
 */
function withoutExclusiveLocking(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    const executeScript = adapter.executeScript.bind(adapter);
    adapter.executeRaw = (query) => (EXCLUSIVE_LOCKING.test(query.sql) ? Promise.resolve(0) : executeRaw(query));
    adapter.executeScript = (script) => (EXCLUSIVE_LOCKING.test(script) ? Promise.resolve() : executeScript(script));
    return adapter;
  };
  return factory;
}

const engine = databaseEngine(process.env.DATABASE_URL);

// One source of the models; each engine has its own schema file (PostgreSQL's composed here) and migration history.
export default defineConfig(
  engine === 'postgresql'
    ? {
        schema: writePostgresSchema(),
        migrations: { path: `${POSTGRES_DIR}/migrations` },
        engine: 'js',
        experimental: { adapter: true },
        async adapter() {
          return new MigrationPg(process.env.DATABASE_URL as string);
        },
      }
    : {
        schema: SQLITE_SCHEMA,
        migrations: { path: 'prisma/migrations' },
        engine: 'js',
        experimental: { adapter: true },
        async adapter() {
          const file = sqliteFilePath(process.env.DATABASE_URL as string);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          // better-sqlite3's `timeout` is SQLite's busy_timeout.
          return withoutExclusiveLocking(new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }));
        },
      },
);
