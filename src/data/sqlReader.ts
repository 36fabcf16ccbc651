import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqliteSettings.ts';

/**
 * Reads of the hot page regions, run through the database driver instead of Prisma's client.
 *
 * Why: every query through Prisma 6.19's client (`$queryRaw` included) costs a few hundred microseconds
 * of CPU in its query compiler and result mapping, against ~20 µs for the same statement through
 * better-sqlite3 (README, Benchmark). Pages that run ten reads spent most of their time there.
 *
 * Contract, the same for every implementation (SQLite here; PostgreSQL over `pg` beside it):
 * - `sql` uses `?` placeholders and only what PostgreSQL also accepts: double-quoted identifiers,
 *   no SQLite-only functions. The PostgreSQL reader numbers the placeholders.
 * - Bound values: a `Date` is bound as the database stores DateTime (SQLite: the adapter's ISO text,
 *   so comparisons stay textual), a boolean as the database's boolean.
 * - Columns come back as the driver gives them unless `columnTypes` names them: `date` gives a `Date`
 *   (or null), `boolean` a boolean, `integer` a number (COUNT(*) is a bigint or a string in some drivers).
 *   That is what Prisma's model types promise, so a row can be typed with `ModelRow<...>`.
 * - Writes never go through a reader: it is read-only, and a transaction's own reads go through
 *   `prismaSqlReader(tx)` so they see the transaction's writes.
 */
export type SqlValue = string | number | boolean | Date | null;
export type ColumnType = 'date' | 'boolean' | 'integer';
export type ColumnTypes = Readonly<Record<string, ColumnType>>;

export interface SqlReader {
  /** Which SQL dialect is behind it, for the few statements that differ (name search: FTS5 or pg_trgm). */
  readonly engine: 'sqlite' | 'postgresql';
  all<Row>(sql: string, params?: readonly SqlValue[], columnTypes?: ColumnTypes): Promise<Row[]>;
  /** Statements run so far: the benchmark adds them to Prisma's to count queries per page. */
  statementsRun(): number;
  close(): Promise<void>;
}

/** `?, ?, ?` for an IN list of `count` values (never empty: callers skip the query instead). */
export function placeholders(count: number): string {
  if (count < 1) throw new Error('an IN list needs at least one value');
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * `?` placeholders as PostgreSQL's `$1, $2, ...`. The readers' SQL puts no `?` inside literals or
 * quoted identifiers, so every `?` is a placeholder.
 */
export function numberedPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}

/** The text format @prisma/adapter-better-sqlite3 writes DateTime columns in. */
export const sqliteDateText = (date: Date) => date.toISOString().replace('Z', '+00:00');

function sqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) return sqliteDateText(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  return new Date(String(value));
}

/** Applies `columnTypes` in place: rows are fresh objects from the driver, nobody else holds them. */
export function mapColumns<Row>(rows: Record<string, unknown>[], columnTypes: ColumnTypes | undefined): Row[] {
  if (columnTypes) {
    const entries = Object.entries(columnTypes);
    for (const row of rows) {
      for (const [column, type] of entries) {
        if (!(column in row)) continue;
        const value = row[column];
        if (type === 'date') row[column] = toDate(value);
        else if (value === null || value === undefined) row[column] = null;
        else if (type === 'boolean') row[column] = value === true || value === 1 || value === 1n || value === '1' || value === 't';
        else row[column] = Number(value);
      }
    }
  }
  return rows as Row[];
}

/**
 * Its own read-only connection: Prisma's connection may be inside another request's transaction, and
 * WAL lets this one read the last committed state beside Prisma's writer. Prepared statements are kept
 * per SQL text (the texts are fixed, the values bound), bounded in case a caller builds texts.
 */
export function sqliteSqlReader(file: string, options: { maxStatements?: number; onStatement?: (sql: string) => void } = {}): SqlReader {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const maxStatements = options.maxStatements ?? 300;
  const statements = new Map<string, Statement<unknown[]>>();
  let run = 0;
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      statements.delete(sql);
    } else {
      statement = db.prepare<unknown[]>(sql);
      if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  return {
    engine: 'sqlite',
    // Synchronous underneath (better-sqlite3); the promise keeps the contract a network driver needs.
    all: <Row>(sql: string, params: readonly SqlValue[] = [], columnTypes?: ColumnTypes): Promise<Row[]> => {
      try {
        options.onStatement?.(sql);
        run += 1;
        const rows = prepared(sql).all(...params.map(sqliteValue)) as Record<string, unknown>[];
        return Promise.resolve(mapColumns<Row>(rows, columnTypes));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    statementsRun: () => run,
    close: () => {
      statements.clear();
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}

/** The part of a Prisma client (or transaction client) a reader needs. */
interface RawQueryClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * The same contract over a Prisma client: inside a transaction the reads must see its writes and its
 * snapshot, so repositories bound to a transaction read through it. Slower (Prisma's per-query cost),
 * but transactions read little. Statements are counted by Prisma's statement cache, not here.
 */
export function prismaSqlReader(db: RawQueryClient, options: { sqlite: boolean } = { sqlite: true }): SqlReader {
  const bind = options.sqlite ? sqliteValue : (value: SqlValue) => value;
  const text = options.sqlite ? (sql: string) => sql : numberedPlaceholders;
  return {
    engine: options.sqlite ? 'sqlite' : 'postgresql',
    all: async <Row>(sql: string, params: readonly SqlValue[] = [], columnTypes?: ColumnTypes): Promise<Row[]> =>
      mapColumns<Row>(await db.$queryRawUnsafe<Record<string, unknown>[]>(text(sql), ...params.map(bind)), columnTypes),
    statementsRun: () => 0,
    close: () => Promise.resolve(),
  };
}
