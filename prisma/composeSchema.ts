import fs from 'node:fs';
import path from 'node:path';

/**
 * prisma/schema.prisma is the one source of the models (and the SQLite schema). The PostgreSQL schema is composed
 * from it: another datasource provider, its own generated client, and the indexes only PostgreSQL can describe.
 * Nobody edits the composed file; prisma.config.ts writes it before any command that targets PostgreSQL.
 */
export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_DIR = 'prisma/postgresql';
export const POSTGRES_SCHEMA = `${POSTGRES_DIR}/schema.prisma`;

/** Trigram indexes behind the reception desk's name search (FTS5 tables on SQLite, written in its migration). */
const POSTGRES_ONLY_INDEXES: Record<string, string[]> = {
  Beneficiary: ['@@index([nameKey(ops: raw("gin_trgm_ops"))], type: Gin, map: "Beneficiary_nameKey_trgm_idx")'],
  SupportRequest: ['@@index([nameKey(ops: raw("gin_trgm_ops"))], type: Gin, map: "SupportRequest_nameKey_trgm_idx")'],
};

export function composePostgresSchema(sqliteSchema: string): string {
  let schema = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/src\/generated\/prisma"/, '$1"../../src/generated/prisma-postgresql"');
  if (!schema.includes('"postgresql"') || !schema.includes('prisma-postgresql')) {
    throw new Error(`${SQLITE_SCHEMA}: datasource or generator output not found; update prisma/composeSchema.ts`);
  }
  for (const [model, lines] of Object.entries(POSTGRES_ONLY_INDEXES)) {
    const start = schema.search(new RegExp(`^model ${model} \\{`, 'm'));
    if (start < 0) throw new Error(`model ${model} not found; update prisma/composeSchema.ts`);
    const end = schema.indexOf('\n}', start);
    schema = `${schema.slice(0, end)}\n${lines.map((line) => `  ${line}`).join('\n')}${schema.slice(end)}`;
  }
  return `// Composed from ../schema.prisma by prisma/composeSchema.ts: do not edit, edit ../schema.prisma.\n${schema}`;
}

/** Writes the composed schema when it differs; returns its path. */
export function writePostgresSchema(root = process.cwd()): string {
  const target = path.join(root, POSTGRES_SCHEMA);
  const composed = composePostgresSchema(fs.readFileSync(path.join(root, SQLITE_SCHEMA), 'utf8'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== composed) fs.writeFileSync(target, composed);
  return POSTGRES_SCHEMA;
}
