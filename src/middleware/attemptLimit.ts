import type { Request, Response } from 'express';
import rateLimit from 'express-rate-limit';

/**
 * Throttles guesses (passwords, codes) per IP address over 15 minutes. Over the limit, the form
 * is shown again with an error by `onLimited`, answering 429.
 */
export function attemptLimit(limit: number, onLimited: (req: Request, res: Response) => void) {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: onLimited,
  });
}
