import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { localDateTime } from '../domain/dates.ts';

export interface CsvColumn {
  key: string;
  header: string;
}

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Streams rows as CSV (UTF-8 with a BOM, so Excel reads Arabic) straight to the response: rows are
 * pulled one page at a time and written as the client reads them. Returns how many rows went out,
 * and whether all did. Times are written as the association's wall clock shows them (`timeZone`).
 */
export async function sendCsv(res: Response, filename: string, columns: CsvColumn[], rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>, timeZone: string) {
  res.status(200);
  res.attachment(filename);
  res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
  let count = 0;
  async function* counted() {
    for await (const row of rows) {
      count += 1;
      yield row;
    }
  }
  const csv = stringify({
    bom: true,
    header: true,
    columns,
    cast: {
      date: (value) => localDateTime(value, timeZone),
      boolean: (value) => (value ? '1' : '0'),
      string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
    },
  });
  try {
    await pipeline(Readable.from(counted()), csv, res);
    return { count, complete: true };
  } catch (error) {
    // The client went away: what was sent is still recorded by the caller.
    if (res.destroyed || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return { count, complete: false };
    throw error;
  }
}
