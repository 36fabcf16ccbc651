import session from 'express-session';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { ReadCache } from './readCache.ts';
import { MODEL_COLUMN_TYPES } from './columnTypes.ts';
import { prismaSqlReader, type SqlReader } from './sqlReader.ts';

type Callback = (error?: unknown) => void;
export interface StoredSession {
  data: string;
  expiresAt: Date;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
/** A session's expiry is only rewritten once it has moved by this much: most requests then write nothing. */
const TOUCH_THRESHOLD_MS = 60 * 1000;
const REMEMBERED_EXPIRIES = 10_000;

/**
 * express-session store on the Session table. Written here rather than taken from a library
 * because the store we tried turns database errors into "no session", silently signing people
 * out; this one passes them on, so an outage shows the 500 page.
 */
/** Who a session is signed in as. Signing in renews the session, so one session never holds both. */
export type SessionOwner = { staffId: number } | { beneficiaryId: number };

export function sessionOwnerKey(owner: SessionOwner): string {
  return 'staffId' in owner ? `staff:${owner.staffId}` : `beneficiary:${owner.beneficiaryId}`;
}

function ownerKeyOf(data: session.SessionData): string | null {
  if (data.staffId) return sessionOwnerKey({ staffId: data.staffId });
  if (data.beneficiaryId) return sessionOwnerKey({ beneficiaryId: data.beneficiaryId });
  return null;
}

export class DatabaseSessionStore extends session.Store {
  private pruneTimer: NodeJS.Timeout | undefined;
  private readonly storedExpiry = new Map<string, number>();

  private readonly cache: ReadCache<StoredSession | null>;
  private readonly reader: SqlReader;

  constructor(
    private readonly prisma: PrismaClient,
    options: { pruneEveryMs?: number; cache?: ReadCache<StoredSession | null>; reader?: SqlReader } = {},
  ) {
    super();
    this.cache = options.cache ?? new ReadCache({ ttlMs: 0, maxEntries: 0 });
    this.reader = options.reader ?? prismaSqlReader(prisma);
    if (options.pruneEveryMs) {
      this.pruneTimer = setInterval(() => void this.pruneExpired().catch(() => undefined), options.pruneEveryMs);
      this.pruneTimer.unref();
    }
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    this.cache
      // Every request reads its session: through the driver, not Prisma's client (sqlReader.ts).
      .read(
        sid,
        async () =>
          (await this.reader.all<StoredSession>('SELECT "data", "expiresAt" FROM "Session" WHERE "sid" = ?', [sid], MODEL_COLUMN_TYPES.Session))[0] ?? null,
      )
      .then((row) => {
        if (!row || row.expiresAt <= new Date()) return callback(null, null);
        this.rememberExpiry(sid, row.expiresAt);
        // Parsed for each request: express-session changes the object it is given.
        callback(null, JSON.parse(row.data) as session.SessionData);
      })
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    const expiresAt = this.expiryOf(data);
    const json = JSON.stringify(data);
    const userKey = ownerKeyOf(data);
    // A session this process has read or written exists already: if it is gone now, it was ended
    // (signed out elsewhere, password changed) while this request ran, and must not come back.
    const write = this.storedExpiry.has(sid)
      ? this.prisma.session.updateMany({ where: { sid }, data: { data: json, expiresAt, userKey } }).then(({ count }) => count > 0)
      : this.prisma.session
          .upsert({ where: { sid }, create: { id: sid, sid, data: json, expiresAt, userKey }, update: { data: json, expiresAt, userKey } })
          .then(() => true);
    write
      .then((kept) => {
        this.cache.invalidate(sid);
        if (kept) this.rememberExpiry(sid, expiresAt);
        else this.storedExpiry.delete(sid);
        callback?.();
      })
      .catch((error: unknown) => callback?.(error));
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    const expiresAt = this.expiryOf(data);
    const stored = this.storedExpiry.get(sid);
    if (stored !== undefined && expiresAt.getTime() - stored < TOUCH_THRESHOLD_MS) {
      callback?.();
      return;
    }
    this.prisma.session
      .updateMany({ where: { sid }, data: { expiresAt } })
      .then(() => {
        this.cache.invalidate(sid);
        this.rememberExpiry(sid, expiresAt);
        callback?.();
      })
      .catch((error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.storedExpiry.delete(sid);
    this.prisma.session
      .deleteMany({ where: { sid } })
      .then(() => {
        this.cache.invalidate(sid);
        callback?.();
      })
      .catch((error: unknown) => callback?.(error));
  }

  /**
   * Ends every session signed in as `owner` (after a password change, a reset or a deactivation),
   * except `keepSid`, the session that made the change. Returns how many were ended.
   */
  async destroyAllOf(owner: SessionOwner, options: { keepSid?: string } = {}): Promise<number> {
    const where = { userKey: sessionOwnerKey(owner), ...(options.keepSid ? { sid: { not: options.keepSid } } : {}) };
    const sessions = await this.prisma.session.findMany({ where, select: { sid: true } });
    if (sessions.length === 0) return 0;
    const sids = sessions.map((row) => row.sid);
    await this.prisma.session.deleteMany({ where: { sid: { in: sids } } });
    // Their remembered expiries stay: a request still running in one of them then cannot save it back (see set).
    for (const sid of sids) this.cache.invalidate(sid);
    return sids.length;
  }

  async pruneExpired(): Promise<number> {
    const { count } = await this.prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    if (count > 0) this.cache.invalidateAll();
    return count;
  }

  shutdown(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
  }

  private rememberExpiry(sid: string, expiresAt: Date): void {
    // Map keeps insertion order: dropping the oldest entry bounds memory under many sessions.
    this.storedExpiry.delete(sid);
    this.storedExpiry.set(sid, expiresAt.getTime());
    if (this.storedExpiry.size > REMEMBERED_EXPIRIES) {
      const oldest = this.storedExpiry.keys().next().value;
      if (oldest !== undefined) this.storedExpiry.delete(oldest);
    }
  }

  private expiryOf(data: session.SessionData): Date {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_TTL_MS);
  }
}

export function createSessionStore(prisma: PrismaClient, options: { pruneExpired: boolean; cache?: ReadCache<StoredSession | null>; reader?: SqlReader }) {
  return new DatabaseSessionStore(prisma, { pruneEveryMs: options.pruneExpired ? 10 * 60 * 1000 : undefined, cache: options.cache, reader: options.reader });
}
