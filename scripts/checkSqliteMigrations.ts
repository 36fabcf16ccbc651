/**
 * The SQLite half of `npm run db:check-migrations`. `prisma migrate diff --from-migrations` cannot replay this
 * history through @prisma/adapter-better-sqlite3 (its shadow database refuses the first migration, 6.19.3), so the
 * same question is answered directly: the committed migrations and the schema's own DDL (`migrate diff
 * --from-empty`) must give the same tables, columns, indexes and foreign keys. The FTS5 name-search tables exist only
 * in the migrations (Prisma cannot describe them).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS = 'prisma/migrations';
const FTS_TABLES = /NameSearch/;

function describe(db: Database.Database): Map<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'")
    .all() as { name: string }[];
  const out = new Map<string, string>();
  for (const { name } of tables) {
    if (FTS_TABLES.test(name)) continue;
    const columns = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`).all(name);
    const indexes = (db.prepare(`SELECT name, "unique" FROM pragma_index_list(?) WHERE origin <> 'pk' ORDER BY name`).all(name) as { name: string; unique: number }[]).map(
      (index) => ({ ...index, columns: db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index.name) }),
    );
    const foreignKeys = db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`).all(name);
    out.set(name, JSON.stringify({ columns, indexes, foreignKeys }));
  }
  return out;
}

const dir = path.dirname(new URL(process.env.DATABASE_URL ?? 'file:/tmp/tayseer-check/check.db').pathname);
fs.mkdirSync(dir, { recursive: true });
const fromHistory = new Database(path.join(dir, 'history.db'));
for (const name of fs.readdirSync(MIGRATIONS).filter((entry) => !entry.endsWith('.toml')).sort()) {
  fromHistory.exec(fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
}
const fromModels = new Database(path.join(dir, 'models.db'));
fromModels.exec(
  execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'unused.db')}` },
  }),
);

const history = describe(fromHistory);
const models = describe(fromModels);
const problems: string[] = [];
for (const [table, shape] of models) {
  if (!history.has(table)) problems.push(`table ${table} is in the models but no migration creates it`);
  else if (history.get(table) !== shape) problems.push(`table ${table} differs:\n  migrations: ${history.get(table)}\n  models:     ${shape}`);
}
for (const table of history.keys()) if (!models.has(table)) problems.push(`table ${table} is made by the migrations but is not in the models`);
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\nAdd a migration: npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script`);
  process.exit(1);
}
console.log(`SQLite migrations give the current models (${models.size} tables)`);
