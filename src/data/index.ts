import type { PrismaClient } from '../generated/prisma/client.ts';
import { createPrismaClient, sqliteFilePath, statementStats, type Db } from './prismaClient.ts';
import { prismaSqlReader, sqliteSqlReader, type SqlReader } from './sqlReader.ts';
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

/** The caches repositories share, whether or not they run inside a transaction. */
export function createReadCaches(ttlMs: number, now?: () => number) {
  return {
    staffById: new ReadCache<StaffRecord | null>({ ttlMs, maxEntries: 1_000, now }),
    /**
     * Lists of requests (the committee queue): emptied by any write to a request. Each page also
     * carries its rendered body (~40 KB), so the bound is kept small.
     */
    requestLists: new ReadCache<QueuePage>({ ttlMs, maxEntries: 100, now }),
    sessions: new ReadCache<StoredSession | null>({ ttlMs, maxEntries: 10_000, now }),
  };
}
export type ReadCaches = ReturnType<typeof createReadCaches>;

/**
 * `now` is the business clock: audit entries carry its time, so tests that move time see consistent timelines.
 * `sql` serves the hot reads (sqlReader.ts); bound to a transaction, it must read through that transaction.
 */
export function createRepositories(
  db: Db,
  now: () => Date = () => new Date(),
  caches: ReadCaches = createReadCaches(0),
  sql: SqlReader = prismaSqlReader(db),
) {
  return {
    staff: staffRepository(db, caches.staffById, sql),
    audit: auditRepository(db, now, sql),
    notifications: notificationRepository(db),
    requests: requestRepository(db, caches.requestLists, sql),
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
  repositories: Repositories;
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
  const prisma: PrismaClient = await createPrismaClient(options.databaseUrl, { onStatement: options.onStatement });
  await backfillNameKeys(prisma);
  const businessNow = options.now;
  // Opened after Prisma's connection has switched the file to WAL, which lets it read beside the writer.
  const reader = sqliteSqlReader(sqliteFilePath(options.databaseUrl), { onStatement: options.onStatement });
  const caches = createReadCaches(options.readCacheTtlMs ?? 0, businessNow ? () => businessNow().getTime() : undefined);
  const sessionStore = createSessionStore(prisma, { pruneExpired: options.pruneSessions ?? true, cache: caches.sessions, reader });
  // Sessions are only written by the session store, never inside a transaction.
  const invalidateRecords = () => [caches.staffById, caches.requestLists].forEach((cache) => cache.invalidateAll());
  return {
    repositories: createRepositories(prisma, options.now, caches, reader),
    transaction: async (work) => {
      try {
        return await prisma.$transaction((tx) => work(createRepositories(tx, options.now, caches)), { timeout: 15_000 });
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
      Object.values(caches).forEach((cache) => cache.invalidateAll());
      sessionStore.shutdown();
      await reader.close();
      await prisma.$disconnect();
    },
  };
}
