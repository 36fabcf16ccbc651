import type { Db } from './prismaClient.ts';

/** Fixed-window counters in the database, so every server counts the same attempts. */
export function rateLimitRepository(db: Db) {
  return {
    /** Counts one hit on `key` and returns the window's total; a lapsed window starts again at one. */
    async hit(key: string, windowMs: number, now: Date): Promise<{ hits: number; resetAt: Date }> {
      const resetAt = new Date(now.getTime() + windowMs);
      const { count } = await db.rateLimitCounter.updateMany({ where: { key, resetAt: { lte: now } }, data: { hits: 1, resetAt } });
      if (count === 1) return { hits: 1, resetAt };
      const row = await db.rateLimitCounter.upsert({ where: { key }, create: { key, hits: 1, resetAt }, update: { hits: { increment: 1 } } });
      return { hits: row.hits, resetAt: row.resetAt };
    },
    async undo(key: string): Promise<void> {
      await db.rateLimitCounter.updateMany({ where: { key, hits: { gt: 0 } }, data: { hits: { decrement: 1 } } });
    },
    async reset(key: string): Promise<void> {
      await db.rateLimitCounter.deleteMany({ where: { key } });
    },
    async pruneLapsed(now: Date): Promise<number> {
      return (await db.rateLimitCounter.deleteMany({ where: { resetAt: { lte: now } } })).count;
    },
  };
}
export type RateLimitRepository = ReturnType<typeof rateLimitRepository>;
