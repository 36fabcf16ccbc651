import type { NextFunction, Request, Response } from 'express';

/**
 * A signed-in page shows someone's file: no browser or proxy may keep it, so the back button after signing out on
 * a shared computer shows nothing. Mounted after the session and after the static files, which stay cacheable.
 */
export function noStoreWhenSignedIn(req: Request, res: Response, next: NextFunction) {
  if (req.session?.staffId !== undefined || req.session?.beneficiaryId !== undefined) res.set('Cache-Control', 'no-store');
  next();
}
