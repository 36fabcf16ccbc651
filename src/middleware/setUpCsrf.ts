import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';

export const CSRF_FIELD = '_csrf';

export class CsrfError extends Error {
  readonly status = 403;
}

/**
 * Synchroniser tokens kept in the session, read from the form body (multipart bodies are parsed before this, by
 * parseMultipart) or a header. Never from the query string: a token in an address ends up in history, logs and
 * Referer headers, so a request that puts one there is refused even if its body carries a good one.
 */
export function setUpCsrf() {
  const { generateToken, isRequestValid } = csrfSync({
    getTokenFromRequest: (req) => {
      const fromBody = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      if (typeof fromBody === 'string') return fromBody;
      const fromHeader = req.headers['x-csrf-token'];
      return typeof fromHeader === 'string' ? fromHeader : undefined;
    },
  });

  return (req: Request, res: Response, next: NextFunction) => {
    // Generated on first use, so pages without a form do not create a session.
    res.locals.csrfToken = () => generateToken(req);
    res.locals.csrfField = CSRF_FIELD;
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    if (!req.session || CSRF_FIELD in req.query || !isRequestValid(req)) {
      // An uploaded file was only held in memory: dropping it is all it takes to keep nothing.
      req.files = undefined;
      return next(new CsrfError('invalid CSRF token'));
    }
    next();
  };
}
