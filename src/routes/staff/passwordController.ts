import express, { type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { formState, validateForm, type FieldError } from '../forms.ts';
import { changePasswordSchema } from './passwordSchema.ts';
import { homeFor } from './staffHome.ts';

function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  );
}

/** Any staff member changes their own password; admins can still reset anyone's. */
export function staffPasswordRoutes(services: Services) {
  const router = express.Router();
  const render = (res: Response, status: number, errors: FieldError[] = []) =>
    res
      .status(status)
      .render('pages/staff/password', {
        pageTitleKey: 'staff:password.title',
        form: formState({}, errors),
      });
  // Guessing the current password from a stolen session is throttled like sign-in.
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: services.config.loginRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      render(res, 429, [{ field: 'currentPassword', code: 'login.rateLimited' }]),
  });

  router.get('/staff/password', requireRole(), (_req, res) => render(res, 200));

  router.post('/staff/password', requireRole(), limiter, async (req, res) => {
    const form = validateForm(changePasswordSchema, req.body);
    if (!form.ok) return render(res, 400, form.errors);
    const staff = req.staff!;
    const result = await services.staffAuth.changePassword(
      staff.id,
      form.data.currentPassword,
      form.data.newPassword,
      req.ip ?? null,
    );
    if (!result.ok) return render(res, 400, [{ field: result.field, code: result.code }]);
    // A new session id: a session copied before the change does not carry over.
    await regenerateSession(req);
    req.session.staffId = staff.id;
    req.session.flashMessage = { key: 'staff:password.changed' };
    res.redirect(303, homeFor(staff.roles));
  });

  return router;
}
