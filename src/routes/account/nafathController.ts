import express, { type NextFunction, type Request, type Response } from 'express';
import { attemptLimit } from '../../middleware/attemptLimit.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { maskMobile } from '../../domain/mobile.ts';
import { NAFATH_POLL_SECONDS } from '../../domain/nafath.ts';
import type { Services } from '../../services/index.ts';
import type { NafathCheck } from '../../services/nafathService.ts';
import { NafathUnavailableError } from '../../services/nafathClient.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import { PRIVACY_NOTICE_VERSION } from '../../domain/consent.ts';
import { nafathMobileSchema, nafathStartSchema, newCodeSchema } from './accountSchemas.ts';
import { regenerateSession, signInBeneficiary } from './sessionHelpers.ts';

/** A proof from Nafath is used within this long, or the person asks Nafath again. */
const PROOF_TTL_MS = 15 * 60_000;

/**
 * Sign-in and registration through Nafath, and Nafath standing in for the old number in a mobile change.
 * Every page works without JavaScript: the waiting page has a "check again" button, and with JavaScript it
 * asks by itself every few seconds (a meta refresh would be a time limit the person did not ask for, WCAG 2.2.1).
 */
export function accountNafathRoutes(services: Services) {
  const router = express.Router();
  const nafath = services.nafath;
  const accounts = services.beneficiaryAccounts;
  const now = () => services.clock.now().getTime();

  router.use((_req, res, next) => {
    res.locals.nafathEnabled = nafath.enabled;
    next();
  });
  const enabled = (_req: Request, _res: Response, next: NextFunction) => (nafath.enabled ? next() : next('router'));

  const renderStart = (res: Response, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/nafath/start', { pageTitleKey: 'nafath:start.title', backLink: '/account/login', form: formState(values, errors) });

  const renderOutcome = (res: Response, state: NafathCheck, restart: string) =>
    res.status(state === 'unknown' ? 404 : 200).render('pages/account/nafath/outcome', { pageTitleKey: `nafath:outcome.${state}.title`, state, restart });

  router.get('/account/nafath', enabled, (req, res) => {
    if (res.locals.beneficiary) return res.redirect(303, '/account/requests');
    renderStart(res, 200);
  });

  router.post(
    '/account/nafath',
    enabled,
    attemptLimit(services.config.loginRateLimit, (req, res) => void renderStart(res, 429, keepTyped(req.body, ['nationalId']), [{ field: 'nationalId', code: 'account:errors.rateLimited' }]), {
      name: 'account-nafath',
      counters: services.attemptCounters,
      now: () => services.clock.now(),
    }),
    async (req, res) => {
      const form = parseForm(nafathStartSchema, req.body);
      if (!form.ok) return renderStart(res, 400, keepTyped(req.body, ['nationalId']), form.errors);
      let started;
      try {
        started = await nafath.start({ nationalId: form.data.nationalId, purpose: 'sign_in' });
      } catch (error) {
        if (!(error instanceof NafathUnavailableError)) throw error;
        return renderStart(res, 503, keepTyped(req.body, ['nationalId']), [{ field: 'nationalId', code: 'nafath:errors.unavailable' }]);
      }
      await regenerateSession(req);
      req.session.nafathTransId = started.transId;
      res.redirect(303, '/account/nafath/wait');
    },
  );

  /** Polled by the page's script (JSON) while the person answers in the Nafath app; the page then reloads itself. */
  router.get('/account/nafath/status', enabled, async (req, res) => {
    const transId = req.session.nafathTransId;
    const state = transId ? await nafath.check(transId) : 'unknown';
    res.set('Cache-Control', 'no-store').json({ waiting: state === 'waiting' });
  });

  /** Reloaded by its "check again" button (no JavaScript needed) or its script; moves on once a verified result is in. */
  router.get('/account/nafath/wait', enabled, async (req, res) => {
    const transId = req.session.nafathTransId;
    if (!transId) return res.redirect(303, '/account/nafath');
    const state = await nafath.check(transId);
    if (state === 'waiting') {
      return res.render('pages/account/nafath/wait', {
        pageTitleKey: 'nafath:wait.title',
        randomNumber: await nafath.randomNumberOf(transId),
        pollSeconds: NAFATH_POLL_SECONDS,
      });
    }
    delete req.session.nafathTransId;
    if (state !== 'completed') return renderOutcome(res, state, res.locals.beneficiary ? '/account/mobile' : '/account/nafath');
    const used = await nafath.consume(transId);
    if (!used.ok) return renderOutcome(res, used.state, '/account/nafath');

    if (used.purpose === 'mobile_change') {
      const signedIn = res.locals.beneficiary as { id: number; nationalId: string } | undefined;
      if (!signedIn || signedIn.id !== used.beneficiaryId || signedIn.nationalId !== used.nationalId) return renderOutcome(res, 'unknown', '/account/mobile');
      req.session.nafathMobileChange = { beneficiaryId: signedIn.id, at: now() };
      return res.redirect(303, '/account/mobile/nafath/new');
    }

    const proven = await accounts.nafathProven(used.nationalId, req.ip ?? null);
    if (proven.kind === 'sign_in') return res.redirect(303, await signInBeneficiary(req, proven.beneficiaryId));
    await regenerateSession(req);
    req.session.nafathProven = { beneficiaryId: proven.beneficiaryId, at: now() };
    res.redirect(303, '/account/nafath/mobile');
  });

  const provenRecord = (req: Request) => {
    const proven = req.session.nafathProven;
    return proven && now() - proven.at < PROOF_TTL_MS ? proven.beneficiaryId : null;
  };

  const renderMobile = async (req: Request, res: Response, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) => {
    const record = await services.beneficiaryAccounts.record(provenRecord(req) ?? 0);
    res.status(status).render('pages/account/nafath/mobile', {
      pageTitleKey: 'nafath:mobile.title',
      recordedMobile: record?.mobile ? maskMobile(record.mobile) : null,
      form: formState(values, errors),
    });
  };

  router.get('/account/nafath/mobile', enabled, async (req, res) => {
    if (!provenRecord(req)) return res.redirect(303, '/account/nafath');
    await renderMobile(req, res, 200);
  });

  router.post('/account/nafath/mobile', enabled, async (req, res) => {
    const beneficiaryId = provenRecord(req);
    if (!beneficiaryId) return res.redirect(303, '/account/nafath');
    const typed = keepTyped(req.body, ['mobile', 'privacyConsent']);
    const form = parseForm(nafathMobileSchema, req.body);
    if (!form.ok) return renderMobile(req, res, 400, typed, form.errors);
    const sent = await accounts.startNafathRegistration(beneficiaryId, { mobile: form.data.mobile, privacyNoticeVersion: PRIVACY_NOTICE_VERSION }, req.ip ?? null);
    if (!sent.ok) return renderMobile(req, res, 429, typed, [{ field: 'mobile', code: `account:errors.sms.${sent.reason}` }]);
    delete req.session.nafathProven;
    req.session.pendingMobileVerification = beneficiaryId;
    req.session.registrationCodeSentTo = maskMobile(form.data.mobile);
    res.redirect(303, '/account/verify');
  });

  // A mobile change where Nafath stands in for the old number (a lost phone, say).
  router.post('/account/mobile/nafath', enabled, requireBeneficiary, async (req, res) => {
    const context = beneficiaryContext(req, res);
    const started = await nafath.start({ nationalId: context.label, purpose: 'mobile_change', beneficiaryId: context.id });
    req.session.nafathTransId = started.transId;
    res.redirect(303, '/account/nafath/wait');
  });

  const mobileChangeProof = (req: Request, res: Response) => {
    const proof = req.session.nafathMobileChange;
    const signedIn = res.locals.beneficiary as { id: number } | undefined;
    return proof && signedIn && proof.beneficiaryId === signedIn.id && now() - proof.at < PROOF_TTL_MS ? proof : null;
  };

  const renderNew = (res: Response, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/nafath/newMobile', { pageTitleKey: 'nafath:newMobile.title', backLink: '/account/mobile', form: formState(values, errors) });
  const renderNewConfirm = (req: Request, res: Response, status: number, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/nafath/newMobileConfirm', {
      pageTitleKey: 'nafath:newMobile.confirmTitle',
      backLink: '/account/mobile/nafath/new',
      next: maskMobile(req.session.nafathMobileChange?.newMobile ?? ''),
      form: formState({}, errors),
    });

  router.get('/account/mobile/nafath/new', enabled, requireBeneficiary, (req, res) => {
    if (!mobileChangeProof(req, res)) return res.redirect(303, '/account/mobile');
    renderNew(res, 200);
  });

  router.post('/account/mobile/nafath/new', enabled, requireBeneficiary, async (req, res) => {
    const proof = mobileChangeProof(req, res);
    if (!proof) return res.redirect(303, '/account/mobile');
    const typed = keepTyped(req.body, ['mobile']);
    const form = parseForm(nafathMobileSchema.pick({ mobile: true }), req.body);
    if (!form.ok) return renderNew(res, 400, typed, form.errors);
    const context = beneficiaryContext(req, res);
    const started = await accounts.startMobileChangeByNafath(context.id, form.data.mobile, context.ip);
    if (!started.ok) return renderNew(res, started.code.startsWith('account:errors.sms.') ? 429 : 400, typed, [{ field: 'mobile', code: started.code }]);
    req.session.nafathMobileChange = { ...proof, newMobile: form.data.mobile };
    res.redirect(303, '/account/mobile/nafath/confirm');
  });

  router.get('/account/mobile/nafath/confirm', enabled, requireBeneficiary, (req, res) => {
    if (!mobileChangeProof(req, res)?.newMobile) return res.redirect(303, '/account/mobile');
    renderNewConfirm(req, res, 200);
  });

  router.post(
    '/account/mobile/nafath/confirm',
    enabled,
    requireBeneficiary,
    attemptLimit(services.config.loginRateLimit, (req, res) => void renderNewConfirm(req, res, 429, [{ field: 'newCode', code: 'account:errors.rateLimited' }]), {
      name: 'account-mobile-nafath',
      counters: services.attemptCounters,
      now: () => services.clock.now(),
    }),
    async (req, res) => {
      const proof = mobileChangeProof(req, res);
      if (!proof?.newMobile) return res.redirect(303, '/account/mobile');
      const form = parseForm(newCodeSchema, req.body);
      if (!form.ok) return renderNewConfirm(req, res, 400, form.errors);
      const context = beneficiaryContext(req, res);
      const result = await accounts.confirmMobileChangeByNafath(context.id, proof.newMobile, form.data.newCode, context.ip);
      if (!result.ok) return renderNewConfirm(req, res, 400, [{ field: 'newCode', code: result.code }]);
      delete req.session.nafathMobileChange;
      req.session.flashMessage = { key: 'account:mobile.done' };
      res.redirect(303, '/account/requests');
    },
  );

  return router;
}

/**
 * Nafath's callback: a server-to-server POST, so it sits before sessions and CSRF. Only the signed token
 * in it is believed; anything else is answered 400 and changes nothing.
 */
export function nafathCallbackRoutes(services: Services) {
  const router = express.Router();
  router.post('/account/nafath/callback', express.json({ limit: '20kb' }), express.urlencoded({ extended: false, limit: '20kb' }), async (req, res) => {
    if (!services.nafath.enabled) return res.status(404).end();
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    const accepted = typeof token === 'string' && token.length < 10_000 && (await services.nafath.acceptCallback(token));
    res.status(accepted ? 200 : 400).json({ accepted });
  });
  return router;
}
