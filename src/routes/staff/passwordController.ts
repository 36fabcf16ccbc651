import express, { type Response } from 'express';
import { attemptLimit } from '../../middleware/attemptLimit.ts';
import { renewSessionId } from '../sessions.ts';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { formState, parseForm, type FieldError } from '../forms.ts';
import { changePasswordSchema } from './passwordSchema.ts';
import { homeFor } from './staffHome.ts';

/** Any staff member changes their own password; admins can still reset anyone's. */
export function staffPasswordRoutes(services: Services) {
  const router = express.Router();
  const render = (res: Response, status: number, errors: FieldError[] = []) =>
    res.status(status).render('pages/staff/password', {
      pageTitleKey: 'staff:password.title',
      form: formState({}, errors),
    });
  // Guessing the current password from a stolen session is throttled like sign-in.
  const limiter = attemptLimit(services.config.loginRateLimit, (_req, res) =>
    render(res, 429, [{ field: 'currentPassword', code: 'login.rateLimited' }]),
  );

  router.get('/staff/password', requireRole(), (_req, res) => render(res, 200));

  router.post('/staff/password', requireRole(), limiter, async (req, res) => {
    const form = parseForm(changePasswordSchema, req.body);
    if (!form.ok) return render(res, 400, form.errors);
    const staff = req.staff!;
    const result = await services.staffAuth.changePassword(
      staff.id,
      form.data.currentPassword,
      form.data.newPassword,
      req.ip ?? null,
      req.sessionID,
    );
    if (!result.ok) return render(res, 400, [{ field: result.field, code: result.code }]);
    // A new session id: a session copied before the change does not carry over.
    await renewSessionId(req);
    req.session.staffId = staff.id;
    req.session.flashMessage = { key: 'staff:password.changed' };
    res.redirect(303, homeFor(staff.roles));
  });

  return router;
}
