import path from 'node:path';
import fs from 'node:fs';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqliteSettings.ts';

// Repositories take this so the same code runs inside and outside a transaction.
export type Db = Prisma.TransactionClient;

export function sqliteFilePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ''));
}

// The adapter is the only SQLite-specific piece: swapping it for @prisma/adapter-libsql
// points the same repositories at a libSQL server.
export async function createPrismaClient(databaseUrl: string): Promise<PrismaClient> {
  const file = sqliteFilePath(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // better-sqlite3's `timeout` is SQLite's busy_timeout.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}
