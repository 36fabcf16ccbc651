import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../logger.ts';

/**
 * What only PostgreSQL does for the portal: the connection pool (shared by Prisma, the cache channel and the job
 * locks), cache invalidations sent to every instance with NOTIFY, and one advisory lock per background job.
 */
export const READ_CACHE_CHANNEL = 'tayseer_read_cache';
/** First key of the two-key advisory locks, so the portal's locks never meet another application's. */
const JOB_LOCK_NAMESPACE = 0x7453_0001;
const NOTIFY_PAYLOAD_LIMIT = 7_000; // PostgreSQL refuses payloads of 8,000 bytes or more

export function createPool(databaseUrl: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle client that loses its server is dropped by the pool; without a listener the process would exit.
  pool.on('error', () => undefined);
  return pool;
}

export interface Invalidation {
  cache: string;
  /** null: every key of the cache. */
  key: string | null;
}

/**
 * Sends this instance's cache invalidations to the others and applies theirs. Invalidations made in one tick go in
 * one NOTIFY. A lost connection is made again; since notifications sent meanwhile are lost, every cache is then
 * emptied (and READ_CACHE_SECONDS bounds the staleness of anything missed).
 */
export class CacheChannel {
  private readonly origin = randomUUID();
  private pending: Invalidation[] = [];
  private flushing: Promise<void> | null = null;
  private listener: pg.Client | null = null;
  private closed = false;
  private handler: (invalidation: Invalidation) => void = () => undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly databaseUrl: string,
    private readonly logger?: Logger,
  ) {}

  async start(handler: (invalidation: Invalidation) => void): Promise<void> {
    this.handler = handler;
    await this.listen();
  }

  publish(invalidation: Invalidation): void {
    if (this.closed) return;
    this.pending.push(invalidation);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  /** Resolves once everything published so far has been sent. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    await this.settled();
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      for (const payload of payloads(this.origin, batch)) {
        await this.pool.query('SELECT pg_notify($1, $2)', [READ_CACHE_CHANNEL, payload]);
      }
    } catch (error) {
      this.logger?.warn({ err: error }, 'cache invalidation not sent to the other instances');
    } finally {
      this.flushing = this.pending.length > 0 ? new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush()) : null;
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== READ_CACHE_CHANNEL || !message.payload) return;
      const { origin, invalidations } = JSON.parse(message.payload) as { origin: string; invalidations: Invalidation[] };
      if (origin !== this.origin) invalidations.forEach(this.handler);
    });
    client.on('error', () => void this.reconnect(client));
    client.on('end', () => void this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${READ_CACHE_CHANNEL}`);
    this.listener = client;
  }

  private async reconnect(lost: pg.Client): Promise<void> {
    if (this.closed || this.listener !== lost) return;
    this.listener = null;
    this.logger?.warn('cache channel lost; listening again');
    for (let attempt = 0; !this.closed; attempt += 1) {
      try {
        await this.listen();
        this.handler({ cache: '*', key: null });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  }
}

function payloads(origin: string, invalidations: Invalidation[]): string[] {
  const unique = [...new Map(invalidations.map((item) => [`${item.cache}\u0000${item.key ?? ''}`, item])).values()];
  const out: string[] = [];
  let chunk: Invalidation[] = [];
  for (const item of unique) {
    chunk.push(item);
    if (JSON.stringify({ origin, invalidations: chunk }).length > NOTIFY_PAYLOAD_LIMIT) {
      chunk.pop();
      if (chunk.length > 0) out.push(JSON.stringify({ origin, invalidations: chunk }));
      // A key too long for one notification: empty that cache everywhere instead.
      chunk = [JSON.stringify({ origin, invalidations: [item] }).length > NOTIFY_PAYLOAD_LIMIT ? { cache: item.cache, key: null } : item];
    }
  }
  if (chunk.length > 0) out.push(JSON.stringify({ origin, invalidations: chunk }));
  return out;
}

/**
 * Runs `work` unless another instance is running the job of the same name: a session-level advisory lock on one
 * pooled connection, held for the run. Returns whether it ran.
 */
export async function withAdvisoryLock(pool: pg.Pool, name: string, work: () => Promise<unknown>): Promise<boolean> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked', [JOB_LOCK_NAMESPACE, name]);
    if (!rows[0]?.locked) return false;
    try {
      await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [JOB_LOCK_NAMESPACE, name]);
    }
    return true;
  } finally {
    client.release();
  }
}

/**
 * Reference and file numbers on PostgreSQL, each taken in one autocommitted statement on a small pool of its own:
 * a transaction waiting for a number never waits for a connection held by another transaction, and the counter row
 * is locked only for that statement. Same statement as requestRepository's on SQLite.
 */
export function numberCounters(databaseUrl: string) {
  const pool = createPool(databaseUrl, 4);
  return {
    take: async (counter: number): Promise<number> => {
      const { rows } = await pool.query<{ lastNumber: number }>(
        `INSERT INTO "ReferenceCounter" ("year", "lastNumber") VALUES ($1, 1)
         ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "ReferenceCounter"."lastNumber" + 1 RETURNING "lastNumber"`,
        [counter],
      );
      return Number(rows[0]?.lastNumber);
    },
    close: () => pool.end(),
  };
}
