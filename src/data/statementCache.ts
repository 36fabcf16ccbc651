import type { Database, Statement } from 'better-sqlite3';

/**
 * @prisma/adapter-better-sqlite3 calls `db.prepare(sql).bind(args)` on every query, so SQLite parses
 * and plans each statement anew. Prisma issues a small, fixed set of SQL texts, so a bounded cache of
 * prepared statements keyed by SQL text removes that work.
 *
 * A better-sqlite3 statement can be bound only once and keeps its `raw()` mode, so the cached
 * statement is never handed out: `prepare` returns a light handle that remembers the arguments and
 * passes them on each call, and sets the raw mode explicitly every time it reads.
 */
export interface StatementCacheStats {
  hits: number;
  misses: number;
  size: number;
}

type Args = unknown[];

interface CachedStatement {
  statement: Statement<Args>;
}

class CachedStatementHandle {
  private args: Args = [];
  private readonly statement: Statement<Args>;
  constructor(private readonly entry: CachedStatement) {
    this.statement = entry.statement;
  }

  get reader(): boolean {
    return this.statement.reader;
  }

  bind(args: Args): this {
    this.args = args;
    return this;
  }

  // Asked anew each time, never remembered: `prisma migrate deploy` may change a table while the
  // portal runs, and a remembered list would pair a `SELECT *` row's values with the old names.
  columns() {
    return this.statement.columns();
  }

  run() {
    return this.statement.run(...this.args);
  }

  get() {
    return this.statement.raw(false).get(...this.args);
  }

  all() {
    return this.statement.raw(false).all(...this.args);
  }

  raw(toggle = true) {
    return {
      all: () => this.statement.raw(toggle).all(...this.args),
      get: () => this.statement.raw(toggle).get(...this.args),
    };
  }
}

export interface StatementCacheOptions {
  maxEntries?: number;
  /** Called with each SQL text run (the benchmark's query trace); absent in the app. */
  onStatement?: (sql: string) => void;
}

export function createStatementCache(db: Database, { maxEntries = 500, onStatement }: StatementCacheOptions = {}) {
  const statements = new Map<string, CachedStatement>();
  const stats = { hits: 0, misses: 0 };
  const prepare = (sql: string): CachedStatementHandle => {
    onStatement?.(sql);
    let entry = statements.get(sql);
    if (entry) {
      stats.hits += 1;
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      statements.delete(sql);
    } else {
      stats.misses += 1;
      entry = { statement: db.prepare<Args>(sql) };
      if (statements.size >= maxEntries) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, entry);
    return new CachedStatementHandle(entry);
  };
  return {
    prepare,
    stats: (): StatementCacheStats => ({ ...stats, size: statements.size }),
    clear: () => statements.clear(),
  };
}

/**
 * The same Database object with `prepare` served from the cache; everything else (exec, close,
 * pragma, transactions) goes to the real object.
 */
export function withStatementCache(db: Database, options?: StatementCacheOptions): Database & { statementCacheStats: () => StatementCacheStats } {
  const cache = createStatementCache(db, options);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return cache.prepare;
      if (property === 'statementCacheStats') return cache.stats;
      if (property === 'close') {
        return () => {
          cache.clear();
          return target.close();
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as Database & { statementCacheStats: () => StatementCacheStats };
}
