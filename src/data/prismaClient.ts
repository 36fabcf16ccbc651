import path from 'node:path';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-postgresql/client.ts';
import { databaseEngine, type DatabaseEngine } from './databaseEngine.ts';
import { createPool } from './postgres.ts';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqliteSettings.ts';
import { withStatementCache, type StatementCacheStats } from './statementCache.ts';
import { nameKey } from '../domain/nameKey.ts';

// Repositories take this so the same code runs inside and outside a transaction.
export type Db = Prisma.TransactionClient;

/** One table's row as `SELECT *` returns it through $queryRaw (the adapter maps the declared column types). */
export type ModelRow<Model extends keyof Prisma.TypeMap['model']> = Prisma.TypeMap['model'][Model]['payload']['scalars'];

export function sqliteFilePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ''));
}

/**
 * The adapter opens its own better-sqlite3 Database and keeps it in its public `client` field
 * (dist/index.mjs: `new PrismaBetterSQLite3Adapter(createBetterSQLite3Client(config))`); transactions
 * reuse that field. Swapping it for the cached wrapper right after connecting covers every query
 * without patching the package. If an upgrade moves the field, this fails at start-up, not silently.
 */
class StatementCachingSQLiteAdapterFactory extends PrismaBetterSQLite3 {
  private connected: (Database & { statementCacheStats: () => StatementCacheStats }) | null = null;

  constructor(
    config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    private readonly onStatement?: (sql: string) => void,
  ) {
    super(config);
  }

  override async connect() {
    const adapter = await super.connect();
    const holder = adapter as unknown as { client?: Database };
    if (!holder.client || typeof holder.client.prepare !== 'function') {
      throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its Database as `client`: revisit src/data/prismaClient.ts');
    }
    // The start-up backfill of name keys runs the same normaliser the repositories use.
    holder.client.function('name_key', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? nameKey(name) : null));
    this.connected = withStatementCache(holder.client, { onStatement: this.onStatement });
    holder.client = this.connected;
    return adapter;
  }

  /** Statements prepared or reused since start: one per SQL statement Prisma ran (BEGIN and COMMIT included). */
  statementStats(): StatementCacheStats {
    return this.connected?.statementCacheStats() ?? { hits: 0, misses: 0, size: 0 };
  }
}

const adapters = new WeakMap<PrismaClient, StatementCachingSQLiteAdapterFactory>();

/** What the client's statement cache has served; the benchmark reads it to count queries per page. */
export function statementStats(prisma: PrismaClient): StatementCacheStats {
  const counted = postgresStatements.get(prisma);
  if (counted) return { ...counted };
  return adapters.get(prisma)?.statementStats() ?? { hits: 0, misses: 0, size: 0 };
}

/** Which engine a client (or a transaction's client) talks to: the few SQL differences branch on it. */
export function engineOf(db: Db | PrismaClient): DatabaseEngine {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === 'postgresql' || provider === 'sqlite') return provider;
  throw new Error(`Prisma client reports provider ${String(provider)}: revisit engineOf in src/data/prismaClient.ts`);
}

const pools = new WeakMap<PrismaClient, pg.Pool>();
const postgresStatements = new WeakMap<PrismaClient, StatementCacheStats>();

/** The PostgreSQL pool under a client (the cache channel and the job locks share it); undefined on SQLite. */
export function postgresPoolOf(prisma: PrismaClient): pg.Pool | undefined {
  return pools.get(prisma);
}

/** Connections per instance: a page runs a few queries at once, and a running job holds one for its lock. */
export const POSTGRES_POOL_SIZE = 20;

/**
 * `DATABASE_URL` chooses the engine. Both clients come from the one model file (prisma/composeSchema.ts) and have
 * the same query API, so the repositories take the SQLite client's type for either.
 */
export async function createPrismaClient(databaseUrl: string, options: { onStatement?: (sql: string) => void } = {}): Promise<PrismaClient> {
  if (databaseEngine(databaseUrl) === 'postgresql') {
    const pool = createPool(databaseUrl, POSTGRES_POOL_SIZE);
    const counted = { hits: 0, misses: 0, size: 0 };
    // Statements are counted (as "prepared") for the benchmark's queries per page; PostgreSQL keeps no cache here.
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        counted.misses += 1;
        if (options.onStatement) {
          const first = args[0] as string | { text?: string };
          options.onStatement(typeof first === 'string' ? first : (first?.text ?? ''));
        }
        return query(...args);
      };
    });
    const prisma = new PostgresPrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as PrismaClient;
    pools.set(prisma, pool);
    postgresStatements.set(prisma, counted);
    return prisma;
  }
  const file = sqliteFilePath(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // better-sqlite3's `timeout` is SQLite's busy_timeout.
  const adapter = new StatementCachingSQLiteAdapterFactory({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }, options.onStatement);
  const prisma = new PrismaClient({ adapter });
  adapters.set(prisma, adapter);
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}
