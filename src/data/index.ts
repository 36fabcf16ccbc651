import type { PrismaClient } from '../generated/prisma/client.ts';
import { createPrismaClient, type Db } from './prismaClient.ts';
import { createSessionStore } from './sessionStore.ts';
import { staffRepository } from './staffRepository.ts';
import { auditRepository } from './auditRepository.ts';
import { notificationRepository } from './notificationRepository.ts';
import { requestRepository } from './requestRepository.ts';
import { beneficiaryRepository } from './beneficiaryRepository.ts';
import { committeeRepository } from './committeeRepository.ts';
import { caseworkRepository } from './caseworkRepository.ts';
import { feedbackRepository } from './feedbackRepository.ts';

/** `now` is the business clock: audit entries carry its time, so tests that move time see consistent timelines. */
export function createRepositories(db: Db, now: () => Date = () => new Date()) {
  return {
    staff: staffRepository(db),
    audit: auditRepository(db, now),
    notifications: notificationRepository(db),
    requests: requestRepository(db),
    beneficiaries: beneficiaryRepository(db),
    committee: committeeRepository(db),
    casework: caseworkRepository(db),
    feedback: feedbackRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export interface DataAccess {
  repositories: Repositories;
  /** Runs `work` in one database transaction; every repository it receives is bound to it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  sessionStore: ReturnType<typeof createSessionStore>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function dataAccess(options: {
  databaseUrl: string;
  pruneSessions?: boolean;
  now?: () => Date;
}): Promise<DataAccess> {
  const prisma: PrismaClient = await createPrismaClient(options.databaseUrl);
  const sessionStore = createSessionStore(prisma, { pruneExpired: options.pruneSessions ?? true });
  return {
    repositories: createRepositories(prisma, options.now),
    transaction: (work) => prisma.$transaction((tx) => work(createRepositories(tx, options.now)), { timeout: 15_000 }),
    sessionStore,
    ping: async () => {
      try {
        await prisma.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      sessionStore.shutdown();
      await prisma.$disconnect();
    },
  };
}
