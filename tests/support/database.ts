import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS_DIR = path.resolve('prisma/migrations');

/** A new SQLite file with every committed migration applied, as `prisma migrate deploy` would. */
export function freshDatabaseUrl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-test-'));
  const file = path.join(dir, 'test.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const migration of fs.readdirSync(MIGRATIONS_DIR).filter((name) => !name.endsWith('.toml')).sort()) {
    db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, migration, 'migration.sql'), 'utf8'));
  }
  db.close();
  return `file:${file}`;
}
