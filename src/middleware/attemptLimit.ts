import type { Request, Response } from 'express';
import rateLimit, { type Store } from 'express-rate-limit';
import type { RateLimitRepository } from '../data/rateLimitRepository.ts';

const WINDOW_MS = 15 * 60 * 1000;

/** Where a limiter keeps its counts: in the database, so every server counts the same attempts. */
export interface SharedCounters {
  name: string;
  counters: RateLimitRepository;
  now: () => Date;
}

function databaseStore({ name, counters, now }: SharedCounters): Store {
  const key = (client: string) => `${name}:${client}`;
  return {
    prefix: name,
    localKeys: false,
    increment: async (client) => {
      const { hits, resetAt } = await counters.hit(key(client), WINDOW_MS, now());
      return { totalHits: hits, resetTime: resetAt };
    },
    decrement: (client) => counters.undo(key(client)),
    resetKey: (client) => counters.reset(key(client)),
  };
}

/**
 * Throttles guesses (passwords, codes) per IP address over 15 minutes. Over the limit, the form
 * is shown again with an error by `onLimited`, answering 429. With `shared`, the counts live in the
 * database instead of this process.
 */
export function attemptLimit(limit: number, onLimited: (req: Request, res: Response) => void, shared?: SharedCounters) {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: onLimited,
    ...(shared ? { store: databaseStore(shared) } : {}),
  });
}
