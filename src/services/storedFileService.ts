import type { DataAccess } from '../data/index.ts';
import type { DocumentStorage } from '../data/documentStorage.ts';
import type { Clock } from './clock.ts';

/**
 * Long enough that a file written a moment ago, whose row is being written right now (here or by another
 * instance), is never taken for an orphan: the row's transaction times out long before.
 */
export const ORPHAN_MIN_AGE_MS = 10 * 60_000;
const BATCH = 500;

export function storedFileService(data: DataAccess, storage: DocumentStorage, clock: Clock) {
  return {
    /**
     * Removes files no row points to (a crash between writing the file and its row). Safe to run in every
     * instance at once: removing a file twice is harmless. Returns how many were removed.
     */
    async sweepOrphans(minAgeMs = ORPHAN_MIN_AGE_MS): Promise<number> {
      const cutoff = clock.now().getTime() - minAgeMs;
      const candidates = (await storage.list()).filter((file) => file.modifiedAt.getTime() < cutoff).map((file) => file.key);
      let removed = 0;
      for (let start = 0; start < candidates.length; start += BATCH) {
        const keys = candidates.slice(start, start + BATCH);
        const inUse = new Set([
          ...(await data.repositories.requests.storageKeysInUse(keys)),
          ...(await data.repositories.referenceDocuments.storageKeysInUse(keys)),
        ]);
        for (const key of keys.filter((candidate) => !inUse.has(candidate))) {
          await storage.remove(key);
          removed += 1;
        }
      }
      return removed;
    },
  };
}
export type StoredFileService = ReturnType<typeof storedFileService>;
