import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import { isVerificationItem, VERIFICATION_OUTCOMES } from '../../domain/verification.ts';
import { formatIbanForDisplay } from '../../domain/iban.ts';
import { REFERRAL_REASONS } from '../../domain/referral.ts';
import type { Services } from '../../services/index.ts';
import { staffContext } from '../context.ts';
import { formState, keepTyped, refusalErrors, refusalOf, type FieldError, type Refusal } from '../forms.ts';
import {
  postedVersion,
  redirectWithFlash,
  requestIdFrom,
  viewFormatters,
} from './caseworkHelpers.ts';

const OFFICE_ROLES = ['relations_officer', 'manager'] as const;

/** The staff view of one request and the officers' actions on it. */
export function requestRoutes(services: Services) {
  const router = express.Router();
  const office = requireRole(...OFFICE_ROLES);
  const readFile = requireCaseRead(services, 'request_file');
  const { reception, verification, referrals } = services;

  async function renderFile(req: Request, res: Response, status = 200, failure: Refusal | null = null) {
    const file = await reception.requestFile(requestIdFrom(req), staffContext(req));
    res.status(status).render('pages/staff/request', {
      pageTitle: req.t('staff:request.title', { reference: file.request.reference ?? req.t('staff:request.draft') }),
      backLink: '/staff',
      file,
      duplicates: await reception.possibleDuplicates(file.request),
      failure,
      formatIban: formatIbanForDisplay,
      ...viewFormatters(req),
    });
  }

  router.get('/staff/requests/:id', readFile, (req, res) => renderFile(req, res));

  /** Button actions: on refusal the file is shown again, freshly loaded, with the reason. */
  const buttonActions: Record<string, (id: number, version: number, req: Request) => Promise<unknown>> = {
    'start-verification': (id, version, req) => verification.startVerification(id, version, staffContext(req)),
    'complete-verification': (id, version, req) => verification.completeVerification(id, version, staffContext(req)),
    'reopen-verification': (id, version, req) => verification.reopenVerification(id, version, staffContext(req)),
    raise: (id, version, req) => verification.raise(id, version, staffContext(req)),
    submit: (id, version, req) => reception.submitOnBehalf(id, version, staffContext(req)),
  };
  for (const [segment, perform] of Object.entries(buttonActions)) {
    router.post(`/staff/requests/:id/${segment}`, office, readFile, async (req, res) => {
      const id = requestIdFrom(req);
      try {
        await perform(id, postedVersion(req), req);
      } catch (error) {
        const refusal = refusalOf(error);
        return renderFile(req, res, refusal.status, refusal);
      }
      redirectWithFlash(req, res, `/staff/requests/${id}`, `staff:flash.${segment}`);
    });
  }

  // One verification line per page, so each form's errors and focus are unambiguous.
  async function renderLine(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) {
    const item = String(req.params.item);
    const file = await reception.requestFile(requestIdFrom(req), staffContext(req));
    const line = file.lines.find((candidate) => candidate.item === item) ?? null;
    res.status(status).render('pages/staff/verificationLine', {
      pageTitle: req.t(`domain:verification.items.${item}`),
      backLink: `/staff/requests/${file.request.id}`,
      file,
      item,
      outcomes: VERIFICATION_OUTCOMES,
      conflict,
      // A new outcome starts with an empty note: the previous note belongs to the previous outcome (shown as history).
      form: formState({ outcome: line?.outcome, note: '', iban: file.request.iban ?? '', ...values }, errors),
      ...viewFormatters(req),
    });
  }

  router.get('/staff/requests/:id/verification/:item', readFile, async (req, res) => {
    if (!isVerificationItem(req.params.item)) throw new NotFoundError();
    await renderLine(req, res, 200, {}, []);
  });

  router.post('/staff/requests/:id/verification/:item', office, readFile, async (req, res) => {
    const item = req.params.item;
    if (!isVerificationItem(item)) throw new NotFoundError();
    const id = requestIdFrom(req);
    const typed = keepTyped(req.body, ['outcome', 'note', 'iban']);
    try {
      const result = await verification.recordLine(
        id,
        { item, outcome: typed.outcome ?? '', note: typed.note ?? '', iban: typed.iban ?? '' },
        postedVersion(req),
        staffContext(req),
      );
      if (!result.ok) return renderLine(req, res, 400, typed, result.errors);
    } catch (error) {
      const refusal = refusalOf(error);
      return renderLine(req, res, refusal.status, typed, refusalErrors(refusal), refusal.kind === 'conflict');
    }
    redirectWithFlash(req, res, `/staff/requests/${id}#verification`, 'staff:flash.lineRecorded');
  });

  /** Form pages sharing one shape: a textarea or two, the version, and the same conflict handling. */
  function formPage(options: {
    segment: string;
    view: string;
    titleKey: string;
    fields: string[];
    locals?: Record<string, unknown>;
    perform: (req: Request, id: number, typed: Record<string, string>) => Promise<{ ok: true } | { ok: false; errors: FieldError[] }>;
    flashKey: string;
  }) {
    async function render(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) {
      const file = await reception.requestFile(requestIdFrom(req), staffContext(req));
      res.status(status).render(options.view, {
        pageTitleKey: options.titleKey,
        backLink: `/staff/requests/${file.request.id}`,
        file,
        conflict,
        form: formState(values, errors),
        ...options.locals,
        ...viewFormatters(req),
      });
    }
    router.get(`/staff/requests/:id/${options.segment}`, readFile, (req, res) => render(req, res, 200, {}, []));
    router.post(`/staff/requests/:id/${options.segment}`, office, readFile, async (req, res) => {
      const id = requestIdFrom(req);
      const typed = keepTyped(req.body, options.fields);
      try {
        const result = await options.perform(req, id, typed);
        if (!result.ok) return render(req, res, 400, typed, result.errors);
      } catch (error) {
        const refusal = refusalOf(error);
        return render(req, res, refusal.status, typed, refusalErrors(refusal), refusal.kind === 'conflict');
      }
      redirectWithFlash(req, res, `/staff/requests/${id}`, options.flashKey);
    });
  }

  formPage({
    segment: 'info-request',
    view: 'pages/staff/infoRequest',
    titleKey: 'staff:infoRequest.title',
    fields: ['items'],
    flashKey: 'staff:flash.infoRequested',
    perform: (req, id, typed) => verification.requestInfo(id, typed.items ?? '', postedVersion(req), staffContext(req)),
  });

  formPage({
    segment: 'referral',
    view: 'pages/staff/referral',
    titleKey: 'staff:referral.title',
    fields: ['reason', 'question'],
    locals: { reasons: REFERRAL_REASONS },
    flashKey: 'staff:flash.referred',
    perform: (req, id, typed) => referrals.refer(id, { reason: typed.reason, question: typed.question }, postedVersion(req), staffContext(req)),
  });

  formPage({
    segment: 'withdraw',
    view: 'pages/staff/withdraw',
    titleKey: 'staff:withdraw.title',
    fields: ['reason'],
    flashKey: 'staff:flash.withdrawn',
    perform: (req, id, typed) => services.withdrawals.withdraw(id, typed.reason ?? '', postedVersion(req), staffContext(req)),
  });

  return router;
}
