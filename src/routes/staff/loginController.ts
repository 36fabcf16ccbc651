import express from 'express';
import { attemptLimit } from '../../middleware/attemptLimit.ts';
import { renewSessionId, safeReturnTo } from '../sessions.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm } from '../forms.ts';
import { staffLoginSchema } from './loginSchema.ts';
import { homeFor } from './staffHome.ts';

export function staffLoginRoutes(services: Services) {
  const router = express.Router();
  const loginLimiter = attemptLimit(services.config.loginRateLimit, (req, res) => {
    res.status(429).render('pages/staff/login', {
      pageTitleKey: 'staff:login.title',
      returnTo: safeReturnTo(req.body?.returnTo),
      form: formState(keepTyped(req.body, ['email']), [
        { field: 'email', code: 'login.rateLimited' },
      ]),
    });
  }, { name: 'staff-login', counters: services.attemptCounters, now: () => services.clock.now() });

  router.get('/staff/login', (req, res) => {
    if (req.staff) return res.redirect(303, homeFor(req.staff.roles));
    res.render('pages/staff/login', {
      pageTitleKey: 'staff:login.title',
      returnTo: safeReturnTo(req.query.returnTo),
      form: formState(),
    });
  });

  router.post('/staff/login', loginLimiter, async (req, res) => {
    const returnTo = safeReturnTo(req.body?.returnTo);
    const render = (status: number, errors: { field: string; code: string }[]) =>
      res.status(status).render('pages/staff/login', {
        pageTitleKey: 'staff:login.title',
        returnTo,
        form: formState(keepTyped(req.body, ['email']), errors),
      });

    const form = parseForm(staffLoginSchema, req.body);
    if (!form.ok) return render(400, form.errors);
    const result = await services.staffAuth.signIn(
      form.data.email,
      form.data.password,
      req.ip ?? null,
    );
    if (!result.ok) return render(401, [{ field: 'email', code: result.code }]);

    // A fresh session id at sign-in defeats session fixation.
    await renewSessionId(req);
    req.session.staffId = result.staff.id;
    res.redirect(303, returnTo ?? homeFor(result.staff.roles));
  });

  router.post('/staff/logout', async (req, res, next) => {
    const staff = req.staff;
    if (staff) await services.staffAuth.signedOut(staff.id, staff.email, req.ip ?? null);
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('tayseer.sid');
      res.redirect(303, '/staff/login');
    });
  });

  return router;
}
