import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import { CHANNELS } from '../../domain/channels.ts';
import { formatMobileForDisplay } from '../../domain/mobile.ts';
import type { Services } from '../../services/index.ts';
import { parseId, staffContext } from '../context.ts';
import { formState, keepTyped, type FieldError } from '../forms.ts';
import { redirectWithFlash, viewFormatters } from './caseworkHelpers.ts';

const OFFICE_ROLES = ['relations_officer', 'manager'] as const;

/** The reception desk: search, the person's file with the inquiry log, and opening a walk-in's request. */
export function receptionDeskRoutes(services: Services) {
  const router = express.Router();
  const office = requireRole(...OFFICE_ROLES);
  // A refused inquiry shows the file again, so the write passes the same read gate.
  const readBeneficiary = requireCaseRead(services, 'beneficiary_file');
  const { reception } = services;

  router.get('/staff', office, async (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
    const { search, results } = query ? await reception.search(query) : { search: null, results: [] };
    const [awaiting, queues] = await Promise.all([reception.awaitingVerification(), reception.workQueues()]);
    res.render('pages/staff/reception', {
      pageTitleKey: 'staff:reception.title',
      query,
      searched: query !== '',
      searchUnderstood: search !== null,
      results,
      awaiting,
      queues,
      formatMobile: formatMobileForDisplay,
      ...viewFormatters(req),
    });
  });

  function renderWalkIn(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[]) {
    res.status(status).render('pages/staff/walkIn', {
      pageTitleKey: 'staff:walkIn.title',
      backLink: '/staff',
      channels: CHANNELS,
      form: formState({ channel: 'interview', ...values }, errors),
    });
  }

  router.get('/staff/walk-in', office, (req, res) => renderWalkIn(req, res, 200, {}, []));

  router.post('/staff/walk-in', requireRole('relations_officer'), async (req, res) => {
    const typed = keepTyped(req.body, ['nationalId', 'mobile', 'channel']);
    const result = await reception.openWalkIn({ nationalId: typed.nationalId, mobile: typed.mobile, channel: typed.channel }, staffContext(req));
    if (!result.ok) return renderWalkIn(req, res, 400, typed, result.errors);
    if (result.outcome === 'open') {
      return redirectWithFlash(req, res, `/staff/requests/${result.request.id}`, 'staff:flash.openRequestExists', {
        reference: result.request.reference ?? '',
      });
    }
    res.redirect(303, `/staff/requests/${result.request.id}/details`);
  });

  async function renderBeneficiary(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[]) {
    const id = parseId(req.params.id);
    if (id === null) throw new NotFoundError();
    const file = await reception.beneficiaryFile(id);
    res.status(status).render('pages/staff/beneficiary', {
      pageTitleKey: 'staff:beneficiary.title',
      backLink: '/staff',
      file,
      channels: CHANNELS,
      formatMobile: formatMobileForDisplay,
      form: formState(values, errors),
      ...viewFormatters(req),
    });
  }

  router.get('/staff/beneficiaries/:id', readBeneficiary, (req, res) => renderBeneficiary(req, res, 200, {}, []));

  router.post('/staff/beneficiaries/:id/inquiries', office, readBeneficiary, async (req, res) => {
    const id = parseId(req.params.id);
    if (id === null) throw new NotFoundError();
    const typed = keepTyped(req.body, ['channel', 'subject', 'answer']);
    const result = await reception.recordInquiry(id, { channel: typed.channel, subject: typed.subject, answer: typed.answer }, staffContext(req));
    if (!result.ok) return renderBeneficiary(req, res, 400, typed, result.errors);
    redirectWithFlash(req, res, `/staff/beneficiaries/${id}#inquiries`, 'staff:flash.inquiryRecorded');
  });

  return router;
}
