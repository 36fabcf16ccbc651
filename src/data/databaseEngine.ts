export type DatabaseEngine = 'sqlite' | 'postgresql';

/** `DATABASE_URL` chooses the engine: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL. */
export function databaseEngine(databaseUrl: string): DatabaseEngine {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgresql';
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}
