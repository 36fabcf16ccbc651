import express, { type Request, type Response } from 'express';
import { attemptLimit } from '../../middleware/attemptLimit.ts';
import type { Services } from '../../services/index.ts';
import { CODE_REFUSED } from '../../services/beneficiaryAccountService.ts';
import { PRIVACY_NOTICE_VERSION } from '../../domain/consent.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import {
  loginSchema,
  passwordConfirmError,
  passwordResetRequestSchema,
  passwordResetSchema,
  registerSchema,
  verifySchema,
} from './accountSchemas.ts';
import { regenerateSession, safeReturnTo, signInBeneficiary } from './sessionHelpers.ts';

export function accountAuthRoutes(services: Services) {
  const router = express.Router();
  const accounts = services.beneficiaryAccounts;
  /** Over the limit the same page answers 429 with its own data (the verify page needs its number). */
  const limiter = (name: string, render: (req: Request, res: Response) => unknown) =>
    attemptLimit(services.config.loginRateLimit, (req, res) => void render(req, res), {
      name,
      counters: services.attemptCounters,
      now: () => services.clock.now(),
    });
  const formLimiter = (name: string, view: string, titleKey: string, field: string, kept: string[]) =>
    limiter(name, (req, res) =>
      res.status(429).render(view, {
        pageTitleKey: titleKey,
        form: formState(keepTyped(req.body, kept), [{ field, code: 'account:errors.rateLimited' }]),
      }),
    );

  /** The account forms share one shape: a view, its title, maybe a back link, and the form state. */
  const formRenderer =
    (view: string, pageTitleKey: string, backLink?: string) =>
    (
      res: Response,
      status: number,
      values: Record<string, unknown> = {},
      errors: FieldError[] = [],
    ) =>
      res.status(status).render(view, { pageTitleKey, backLink, form: formState(values, errors) });

  const renderRegister = formRenderer('pages/account/register', 'account:register.title');

  router.get('/account/register', (req, res) => {
    if (res.locals.beneficiary) return res.redirect(303, '/account/requests');
    renderRegister(res, 200);
  });

  router.post(
    '/account/register',
    formLimiter('account-register', 'pages/account/register', 'account:register.title', 'nationalId', [
      'nationalId',
      'mobile',
    ]),
    async (req, res) => {
      const typed = keepTyped(req.body, ['nationalId', 'mobile', 'activationCode', 'privacyConsent']);
      const form = parseForm(registerSchema, req.body);
      const mismatch = passwordConfirmError(req.body);
      if (!form.ok || mismatch) {
        // Listed in form order: the mismatch belongs just before the activation code and the consent box.
        const late = new Set(['activationCode', 'privacyConsent']);
        const errors = form.ok ? [] : form.errors.filter((error) => !late.has(error.field));
        if (mismatch) errors.push(mismatch);
        if (!form.ok) errors.push(...form.errors.filter((error) => late.has(error.field)));
        return renderRegister(res, 400, typed, errors);
      }
      const result = await accounts.register(
        { ...form.data, privacyNoticeVersion: PRIVACY_NOTICE_VERSION },
        req.ip ?? null,
      );
      if (!result.ok)
        return renderRegister(res, 400, typed, [{ field: result.field, code: result.code }]);
      await regenerateSession(req);
      req.session.pendingMobileVerification = result.pendingBeneficiaryId;
      req.session.registrationCodeSentTo = result.codeSentTo;
      res.redirect(303, '/account/verify');
    },
  );

  const renderVerify = (req: Request, res: Response, status: number, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/verify', {
      pageTitleKey: 'account:verify.title',
      mobile: req.session.registrationCodeSentTo ?? '',
      form: formState({}, errors),
    });

  router.get('/account/verify', (req, res) => {
    if (!req.session.registrationCodeSentTo) return res.redirect(303, '/account/login');
    renderVerify(req, res, 200);
  });

  router.post(
    '/account/verify',
    limiter('account-verify', (req, res) =>
      renderVerify(req, res, 429, [{ field: 'code', code: 'account:errors.rateLimited' }]),
    ),
    async (req, res) => {
      if (!req.session.registrationCodeSentTo) return res.redirect(303, '/account/login');
      const pending = req.session.pendingMobileVerification;
      const form = parseForm(verifySchema, req.body);
      if (!form.ok) return renderVerify(req, res, 400, form.errors);
      const result = pending
        ? await accounts.verifyMobile(pending, form.data.code, req.ip ?? null)
        : { ok: false as const, code: CODE_REFUSED };
      if (!result.ok) return renderVerify(req, res, 400, [{ field: 'code', code: result.code }]);
      delete req.session.registrationCodeSentTo;
      delete req.session.pendingMobileVerification;
      res.redirect(303, await signInBeneficiary(req, pending as number));
    },
  );

  router.post('/account/verify/resend', async (req, res) => {
    if (!req.session.registrationCodeSentTo) return res.redirect(303, '/account/login');
    const pending = req.session.pendingMobileVerification;
    const sent = pending ? await accounts.resendRegistrationCode(pending, req.ip ?? null) : { ok: true as const };
    if (!sent.ok) return renderVerify(req, res, 429, [{ field: 'code', code: `account:errors.sms.${sent.reason}` }]);
    req.session.flashMessage = { key: 'account:verify.resent' };
    res.redirect(303, '/account/verify');
  });

  const renderLogin = formRenderer('pages/account/login', 'account:login.title');

  router.get('/account/login', (req, res) => {
    if (res.locals.beneficiary) return res.redirect(303, '/account/requests');
    const returnTo = safeReturnTo(req.query.returnTo);
    if (returnTo) req.session.beneficiaryReturnTo = returnTo;
    renderLogin(res, 200);
  });

  router.post(
    '/account/login',
    formLimiter('account-login', 'pages/account/login', 'account:login.title', 'nationalId', ['nationalId']),
    async (req, res) => {
      const typed = keepTyped(req.body, ['nationalId']);
      const form = parseForm(loginSchema, req.body);
      if (!form.ok) return renderLogin(res, 400, typed, form.errors);
      const result = await accounts.signIn(
        form.data.nationalId,
        form.data.password,
        req.ip ?? null,
      );
      if (!result.ok)
        return renderLogin(res, 401, typed, [{ field: 'nationalId', code: result.code }]);
      res.redirect(303, await signInBeneficiary(req, result.beneficiaryId));
    },
  );

  const renderResetRequest = formRenderer(
    'pages/account/resetRequest',
    'account:reset.title',
    '/account/login',
  );

  router.get('/account/reset', (_req, res) => renderResetRequest(res, 200));

  router.post(
    '/account/reset',
    formLimiter('account-reset', 'pages/account/resetRequest', 'account:reset.title', 'nationalId', [
      'nationalId',
      'mobile',
    ]),
    async (req, res) => {
      const form = parseForm(passwordResetRequestSchema, req.body);
      if (!form.ok)
        return renderResetRequest(
          res,
          400,
          keepTyped(req.body, ['nationalId', 'mobile']),
          form.errors,
        );
      await accounts.requestPasswordReset(form.data.nationalId, form.data.mobile, req.ip ?? null);
      req.session.passwordResetFor = form.data.nationalId;
      res.redirect(303, '/account/reset/code');
    },
  );

  const renderResetCode = formRenderer(
    'pages/account/resetCode',
    'account:reset.codeTitle',
    '/account/reset',
  );

  router.get('/account/reset/code', (req, res) => {
    if (!req.session.passwordResetFor) return res.redirect(303, '/account/reset');
    renderResetCode(res, 200);
  });

  router.post(
    '/account/reset/code',
    formLimiter('account-reset-code', 'pages/account/resetCode', 'account:reset.codeTitle', 'code', []),
    async (req, res) => {
      const nationalId = req.session.passwordResetFor;
      if (!nationalId) return res.redirect(303, '/account/reset');
      const form = parseForm(passwordResetSchema, req.body);
      const mismatch = passwordConfirmError(req.body);
      if (!form.ok || mismatch)
        return renderResetCode(res, 400, {}, [
          ...(form.ok ? [] : form.errors),
          ...(mismatch ? [mismatch] : []),
        ]);
      const result = await accounts.resetPassword(
        nationalId,
        form.data.code,
        form.data.password,
        req.ip ?? null,
      );
      if (!result.ok) return renderResetCode(res, 400, {}, [{ field: 'code', code: result.code }]);
      delete req.session.passwordResetFor;
      req.session.flashMessage = { key: 'account:reset.done' };
      res.redirect(303, '/account/login');
    },
  );

  router.post('/account/logout', async (req, res, next) => {
    const id = req.session.beneficiaryId;
    if (id) await accounts.signedOut(id, req.ip ?? null);
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('tayseer.sid');
      res.redirect(303, '/');
    });
  });

  return router;
}
