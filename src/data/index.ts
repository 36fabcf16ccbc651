import type { PrismaClient } from '../generated/prisma/client.ts';
import { createPrismaClient, engineOf, postgresPoolOf, sqliteFilePath, statementStats, type Db } from './prismaClient.ts';
import { prismaSqlReader, sqliteSqlReader, type SqlReader } from './sqlReader.ts';
import { postgresSqlReader } from './pgSqlReader.ts';
import { CacheChannel, numberCounters, withAdvisoryLock } from './postgres.ts';
import { databaseEngine, type DatabaseEngine } from './databaseEngine.ts';
import type { StatementCacheStats } from './statementCache.ts';
import { backfillNameKeys } from './nameSearch.ts';
import { createSessionStore, type StoredSession } from './sessionStore.ts';
import { staffRepository } from './staffRepository.ts';
import { auditRepository } from './auditRepository.ts';
import { notificationRepository } from './notificationRepository.ts';
import { requestRepository } from './requestRepository.ts';
import { beneficiaryRepository } from './beneficiaryRepository.ts';
import { committeeRepository } from './committeeRepository.ts';
import { caseworkRepository } from './caseworkRepository.ts';
import { feedbackRepository } from './feedbackRepository.ts';
import { indicatorsRepository } from './indicatorsRepository.ts';
import { referenceDocumentRepository } from './referenceDocumentRepository.ts';
import { rateLimitRepository } from './rateLimitRepository.ts';
import { accessLogRepository } from './accessLogRepository.ts';
import { retentionRepository } from './retentionRepository.ts';
import { breachRepository, personalDataRepository } from './personalDataRepository.ts';
import { exportRepository } from './exportRepository.ts';
import { duplicateRepository } from './duplicateRepository.ts';
import { nafathRepository } from './nafathRepository.ts';
import { draftReminderRepository } from './draftReminderRepository.ts';
import { ReadCache } from './readCache.ts';
import type { StaffRecord } from './staffRepository.ts';
import type { QueuePage } from './committeeRepository.ts';

/**
 * The caches repositories share, whether or not they run inside a transaction. `now` is the clock their
 * lifetimes are read on (the business clock in tests); `tellOthers` sends each invalidation to the other
 * instances (on PostgreSQL), named by the cache's key here.
 */
export function createReadCaches(ttlMs: number, now?: () => number, tellOthers?: (cache: string, key: string | null) => void) {
  const told = (cache: string) => (tellOthers ? (key: string | null) => tellOthers(cache, key) : undefined);
  return {
    staffById: new ReadCache<StaffRecord | null>({ ttlMs, maxEntries: 1_000, now, onInvalidate: told('staffById') }),
    /**
     * Lists of requests (the committee queue): emptied by any write to a request. Each page also
     * carries its rendered body (~40 KB), so the bound is kept small.
     */
    requestLists: new ReadCache<QueuePage>({ ttlMs, maxEntries: 100, now, onInvalidate: told('requestLists') }),
    sessions: new ReadCache<StoredSession | null>({ ttlMs, maxEntries: 10_000, now, onInvalidate: told('sessions') }),
  };
}
export type ReadCaches = ReturnType<typeof createReadCaches>;

/**
 * `now` is the business clock: audit entries carry its time, so tests that move time see consistent timelines.
 * `sql` serves the hot reads (sqlReader.ts); bound to a transaction, it must read through that transaction.
 * `takeNumber` hands out reference and file numbers outside the transaction on PostgreSQL (requestRepository.ts).
 */
export function createRepositories(
  db: Db,
  now: () => Date = () => new Date(),
  caches: ReadCaches = createReadCaches(0),
  sql: SqlReader = prismaSqlReader(db, { sqlite: engineOf(db) !== 'postgresql' }),
  takeNumber?: (counter: number) => Promise<number>,
) {
  return {
    staff: staffRepository(db, caches.staffById, sql),
    audit: auditRepository(db, now, sql),
    notifications: notificationRepository(db),
    requests: requestRepository(db, caches.requestLists, sql, takeNumber),
    beneficiaries: beneficiaryRepository(db, sql),
    committee: committeeRepository(db, caches.requestLists, sql),
    casework: caseworkRepository(db, sql),
    feedback: feedbackRepository(db, sql),
    indicators: indicatorsRepository(db, sql),
    referenceDocuments: referenceDocumentRepository(db),
    rateLimits: rateLimitRepository(db),
    accessLog: accessLogRepository(db),
    retention: retentionRepository(db),
    personalData: personalDataRepository(db),
    exports: exportRepository(db, sql),
    breaches: breachRepository(db),
    duplicates: duplicateRepository(db),
    nafath: nafathRepository(db),
    draftReminders: draftReminderRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export interface DataAccess {
  engine: DatabaseEngine;
  repositories: Repositories;
  /**
   * Runs a background job unless another instance is running it (PostgreSQL advisory lock; on SQLite, one server,
   * it always runs). Returns whether it ran.
   */
  runExclusively(job: string, work: () => Promise<unknown>): Promise<boolean>;
  /** Resolves once this instance's cache invalidations have reached the database (tests, shutdown). */
  invalidationsSent(): Promise<void>;
  /** Runs `work` in one database transaction; every repository it receives is bound to it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  sessionStore: ReturnType<typeof createSessionStore>;
  ping(): Promise<boolean>;
  /**
   * SQL statements run so far, Prisma's (served from its statement cache or prepared) and the SQL reader's
   * (counted as hits): the benchmark counts queries per page with it.
   */
  statementStats(): StatementCacheStats;
  close(): Promise<void>;
}

export async function dataAccess(options: {
  databaseUrl: string;
  pruneSessions?: boolean;
  now?: () => Date;
  /** How long a cached read may serve a write made outside this process; 0 turns caching off. */
  readCacheTtlMs?: number;
  /** Sees every SQL statement run: the benchmark's query trace. */
  onStatement?: (sql: string) => void;
}): Promise<DataAccess> {
  const engine = databaseEngine(options.databaseUrl);
  const prisma: PrismaClient = await createPrismaClient(options.databaseUrl, { onStatement: options.onStatement });
  await backfillNameKeys(prisma);
  const businessNow = options.now;
  const pool = postgresPoolOf(prisma);
  const channel = pool ? new CacheChannel(pool, options.databaseUrl) : null;
  const numbers = pool ? numberCounters(options.databaseUrl) : null;
  // SQLite: opened after Prisma's connection has switched the file to WAL, which lets it read beside the writer.
  const reader = pool ? postgresSqlReader(pool, { onStatement: options.onStatement }) : sqliteSqlReader(sqliteFilePath(options.databaseUrl), { onStatement: options.onStatement });
  const caches = createReadCaches(
    options.readCacheTtlMs ?? 0,
    businessNow ? () => businessNow().getTime() : undefined,
    channel ? (cache, key) => channel.publish({ cache, key }) : undefined,
  );
  await channel?.start(({ cache, key }) => {
    for (const [name, readCache] of Object.entries(caches)) if (cache === '*' || cache === name) readCache.invalidateFromElsewhere(key);
  });
  const sessionStore = createSessionStore(prisma, { pruneExpired: options.pruneSessions ?? true, cache: caches.sessions, reader });
  // Sessions are only written by the session store, never inside a transaction.
  const invalidateRecords = () => [caches.staffById, caches.requestLists].forEach((cache) => cache.invalidateAll());
  return {
    engine,
    repositories: createRepositories(prisma, options.now, caches, reader, numbers?.take),
    runExclusively: async (job, work) => {
      if (!pool) {
        await work();
        return true;
      }
      return withAdvisoryLock(pool, job, work);
    },
    invalidationsSent: async () => channel?.settled(),
    transaction: async (work) => {
      try {
        // maxWait: under a burst (many submissions at once on PostgreSQL) a transaction may queue for a pooled connection.
        return await prisma.$transaction((tx) => work(createRepositories(tx, options.now, caches, prismaSqlReader(tx, { sqlite: !pool }), numbers?.take)), {
          timeout: 15_000,
          maxWait: 30_000,
        });
      } finally {
        // Reads that ran before the commit (or saw rows a rollback removed) must not outlive it.
        invalidateRecords();
      }
    },
    sessionStore,
    ping: async () => {
      try {
        await prisma.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    statementStats: () => {
      const prismaStats = statementStats(prisma);
      return { ...prismaStats, hits: prismaStats.hits + reader.statementsRun() };
    },
    close: async () => {
      await channel?.close();
      await numbers?.close();
      Object.values(caches).forEach((cache) => cache.invalidateFromElsewhere(null));
      sessionStore.shutdown();
      await reader.close();
      await prisma.$disconnect(); // ends the PostgreSQL pool too, once the client has connected
      if (pool && !pool.ended) await pool.end();
    },
  };
}
