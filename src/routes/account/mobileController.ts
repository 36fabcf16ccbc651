import express, { type Request, type Response } from 'express';
import { attemptLimit } from '../../middleware/attemptLimit.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { maskMobile } from '../../domain/mobile.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import { mobileChangeConfirmSchema, mobileChangeSchema } from './accountSchemas.ts';

/** A signed-in beneficiary changes their mobile: a code to the old number and one to the new. */
export function accountMobileRoutes(services: Services) {
  const router = express.Router();
  const accounts = services.beneficiaryAccounts;
  const recorded = (res: Response) => maskMobile((res.locals.beneficiary as { mobile: string }).mobile);

  const renderStart = (res: Response, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/mobile', {
      pageTitleKey: 'account:mobile.title',
      backLink: '/account/requests',
      current: recorded(res),
      form: formState(values, errors),
    });

  const renderConfirm = (req: Request, res: Response, status: number, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/mobileConfirm', {
      pageTitleKey: 'account:mobile.confirmTitle',
      backLink: '/account/mobile',
      current: recorded(res),
      next: maskMobile(req.session.pendingMobileChange ?? ''),
      form: formState({}, errors),
    });

  router.get('/account/mobile', requireBeneficiary, (_req, res) => renderStart(res, 200));

  router.post('/account/mobile', requireBeneficiary, async (req, res) => {
    const typed = keepTyped(req.body, ['mobile']);
    const form = parseForm(mobileChangeSchema, req.body);
    if (!form.ok) return renderStart(res, 400, typed, form.errors);
    const context = beneficiaryContext(req, res);
    const started = await accounts.startMobileChange(context.id, form.data.mobile, context.ip);
    if (!started.ok) return renderStart(res, started.code.startsWith('account:errors.sms.') ? 429 : 400, typed, [{ field: 'mobile', code: started.code }]);
    req.session.pendingMobileChange = form.data.mobile;
    res.redirect(303, '/account/mobile/confirm');
  });

  router.get('/account/mobile/confirm', requireBeneficiary, (req, res) => {
    if (!req.session.pendingMobileChange) return res.redirect(303, '/account/mobile');
    renderConfirm(req, res, 200);
  });

  router.post(
    '/account/mobile/confirm',
    requireBeneficiary,
    attemptLimit(
      services.config.loginRateLimit,
      (req, res) => void renderConfirm(req, res, 429, [{ field: 'oldCode', code: 'account:errors.rateLimited' }]),
      { name: 'account-mobile', counters: services.attemptCounters, now: () => services.clock.now() },
    ),
    async (req, res) => {
      const newMobile = req.session.pendingMobileChange;
      if (!newMobile) return res.redirect(303, '/account/mobile');
      const form = parseForm(mobileChangeConfirmSchema, req.body);
      if (!form.ok) return renderConfirm(req, res, 400, form.errors);
      const context = beneficiaryContext(req, res);
      const result = await accounts.confirmMobileChange(context.id, newMobile, form.data, context.ip);
      if (!result.ok) return renderConfirm(req, res, 400, [{ field: 'oldCode', code: result.code }]);
      delete req.session.pendingMobileChange;
      req.session.flashMessage = { key: 'account:mobile.done' };
      res.redirect(303, '/account/requests');
    },
  );

  return router;
}
