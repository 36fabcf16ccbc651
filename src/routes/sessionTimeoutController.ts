import express from 'express';
import { safeReturnTo } from './sessions.ts';

/**
 * "Stay signed in" from the timeout warning. Any request renews the idle session (the cookie is rolling);
 * this one exists so the warning can renew it without leaving the page, or, without JavaScript, return to it.
 */
export function sessionTimeoutRoutes() {
  const router = express.Router();
  router.post('/session/extend', (req, res) => {
    const signedIn = Boolean(req.session.staffId || req.session.beneficiaryId);
    if (req.accepts(['html', 'json']) === 'json') return res.status(signedIn ? 200 : 401).json({ extended: signedIn });
    const returnTo = safeReturnTo((req.body as Record<string, unknown> | undefined)?.returnTo) ?? '/';
    res.redirect(303, signedIn ? returnTo : '/');
  });
  return router;
}
