import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// The CLI falls back to a native engine (which cannot be downloaded here) when the
// schema's datasource URL is unreadable, so it always gets a default.
process.env.DATABASE_URL ??= 'file:./data/tayseer.db';

function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ''));
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const file = sqliteFilePath(process.env.DATABASE_URL as string);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
