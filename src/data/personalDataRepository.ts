import type { Db } from './prismaClient.ts';

export function personalDataRepository(_db: Db) {
  return {};
}
