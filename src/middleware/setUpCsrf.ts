import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';

export const CSRF_FIELD = '_csrf';

export class CsrfError extends Error {
  readonly status = 403;
}

/**
 * Synchroniser tokens kept in the session. Multipart forms carry the token in the
 * query string because their body is parsed later, by the upload handler.
 */
export function setUpCsrf() {
  const { generateToken, isRequestValid } = csrfSync({
    getTokenFromRequest: (req) => {
      const fromBody = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      if (typeof fromBody === 'string') return fromBody;
      const fromHeader = req.headers['x-csrf-token'];
      if (typeof fromHeader === 'string') return fromHeader;
      const fromQuery = req.query[CSRF_FIELD];
      return typeof fromQuery === 'string' ? fromQuery : undefined;
    },
  });

  return (req: Request, res: Response, next: NextFunction) => {
    // Generated on first use, so pages without a form do not create a session.
    res.locals.csrfToken = () => generateToken(req);
    res.locals.csrfField = CSRF_FIELD;
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    if (!req.session || !isRequestValid(req)) return next(new CsrfError('invalid CSRF token'));
    next();
  };
}
