import type pg from 'pg';

import { numberedPlaceholders, type ColumnTypes, type SqlReader, type SqlValue } from './sqlReader.ts';

/**
 * The PostgreSQL reader for the `SqlReader` contract of src/data/sqlReader.ts: the same portable SQL with `?`
 * placeholders, run on the portal's `pg` pool instead of through Prisma's client.
 * pg already gives timestamps as `Date`, booleans as booleans and int4 as numbers; `columnTypes` covers the rest
 * (COUNT(*) is an int8, which pg gives as a string).
 */

function mapped<Row>(rows: Record<string, unknown>[], columnTypes: ColumnTypes | undefined): Row[] {
  for (const [column, type] of Object.entries(columnTypes ?? {})) {
    for (const row of rows) {
      if (!(column in row)) continue;
      const value = row[column];
      if (value === null || value === undefined) row[column] = null;
      else if (type === 'date') row[column] = value instanceof Date ? value : new Date(String(value));
      else if (type === 'boolean') row[column] = value === true || value === 't';
      else row[column] = Number(value);
    }
  }
  return rows as Row[];
}

/**
 * Reads outside any transaction, on the shared pool (the pool is the portal's: closing the reader leaves it open).
 * Each SQL text is a named prepared statement per connection, as better-sqlite3's reader keeps prepared ones.
 */
export function postgresSqlReader(pool: pg.Pool, options: { onStatement?: (sql: string) => void } = {}): SqlReader {
  const texts = new Map<string, { name: string; text: string }>();
  let run = 0;
  const statementFor = (sql: string) => {
    let statement = texts.get(sql);
    if (!statement) {
      statement = { name: `tayseer_reader_${texts.size + 1}`, text: numberedPlaceholders(sql) };
      // A caller that builds texts must not grow this without bound: past the limit, texts are not named.
      if (texts.size < 300) texts.set(sql, statement);
      else statement = { name: '', text: statement.text };
    }
    return statement;
  };
  return {
    engine: 'postgresql',
    all: async <Row>(sql: string, params: readonly SqlValue[] = [], columnTypes?: ColumnTypes): Promise<Row[]> => {
      options.onStatement?.(sql);
      run += 1;
      const { name, text } = statementFor(sql);
      const result = await pool.query({ ...(name ? { name } : {}), text, values: [...params] });
      return mapped<Row>(result.rows as Record<string, unknown>[], columnTypes);
    },
    statementsRun: () => run,
    close: () => Promise.resolve(),
  };
}
