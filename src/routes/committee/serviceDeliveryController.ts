import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import type { Services } from '../../services/index.ts';
import { isoToDateParts } from '../../domain/dates.ts';
import { NotFoundError } from '../../services/errors.ts';
import { formState, keepTyped, refusalErrors, refusalOf } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';

type FormState = ReturnType<typeof formState>;
import { parseServiceDelivery, SERVICE_FIELDS } from './committeeSchemas.ts';
import { dualDateFormatter } from './viewHelpers.ts';

export function serviceDeliveryRoutes(services: Services) {
  const router = express.Router();
  const staffOnly = requireRole('relations_officer', 'manager');
  // A refused delivery shows the page again, so the write passes the same read gate.
  const readFile = requireCaseRead(services, 'request_file');

  async function render(req: Request, res: Response, form = formState(), status = 200) {
    const id = parseId(req.params.id);
    const file = id ? await services.committee.file(id) : null;
    if (!file) throw new NotFoundError();
    res.status(status).render('pages/committee/services', {
      pageTitle: req.t('committee:services.title', { reference: file.request.reference ?? file.request.id }),
      backLink: `/committee/requests/${file.request.id}`,
      request: file.request,
      staffNames: file.staffNames,
      supportTypes: services.config.supportTypes,
      form,
      dualDate: dualDateFormatter(req),
    });
  }

  /** The page to correct or cancel one recorded service; each form keeps its own typed values and errors. */
  async function renderService(req: Request, res: Response, forms: { correct?: FormState; cancel?: FormState; refusal?: string } = {}, status = 200) {
    const id = parseId(req.params.id);
    const serviceId = parseId(req.params.serviceId);
    const file = id ? await services.committee.file(id) : null;
    const service = file && serviceId ? file.request.services.find((row) => row.id === serviceId) : null;
    if (!file || !service) throw new NotFoundError();
    const { day, month, year } = isoToDateParts(service.deliveredOn);
    const stored = {
      serviceType: service.serviceType,
      amount: service.amount == null ? '' : String(service.amount),
      quantity: service.quantity == null ? '' : String(service.quantity),
      note: service.note ?? '',
      exceedReason: service.exceedReason ?? '',
      'deliveredOn-day': String(day),
      'deliveredOn-month': String(month),
      'deliveredOn-year': String(year),
      'deliveredOn-calendar': 'gregorian',
    };
    res.status(status).render('pages/committee/serviceChange', {
      pageTitle: req.t('committee:services.changeTitle', { reference: file.request.reference ?? file.request.id }),
      backLink: `/staff/requests/${file.request.id}/services`,
      request: file.request,
      service,
      staffNames: file.staffNames,
      supportTypes: services.config.supportTypes,
      // The layout's error summary reads `form`: the form that was just refused.
      form: forms.cancel ?? forms.correct ?? formState(),
      correctForm: forms.correct ?? formState(stored),
      cancelForm: forms.cancel ?? formState(),
      refusal: forms.refusal ?? null,
      dualDate: dualDateFormatter(req),
    });
  }

  router.get('/staff/requests/:id/services', readFile, (req, res) => render(req, res));

  router.post('/staff/requests/:id/services', staffOnly, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) return render(req, res);
    const values = keepTyped(req.body, SERVICE_FIELDS);
    const parsed = parseServiceDelivery(req.body, services.config);
    if (!parsed.ok) return render(req, res, formState(values, parsed.errors), 400);
    try {
      await services.serviceDelivery.record(staffContext(req), id, parsed.data);
    } catch (error) {
      const refusal = refusalOf(error);
      return render(req, res, formState(values, refusalErrors(refusal, 'serviceType', 'committee:errors.changedBySomeoneElse')), refusal.status);
    }
    req.session.flashMessage = { key: 'committee:flash.serviceRecorded' };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  router.get('/staff/requests/:id/services/:serviceId', staffOnly, readFile, (req, res) => renderService(req, res));

  router.post('/staff/requests/:id/services/:serviceId/correct', staffOnly, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    const serviceId = parseId(req.params.serviceId);
    if (!id || !serviceId) throw new NotFoundError();
    const values = keepTyped(req.body, [...SERVICE_FIELDS, 'reason']);
    const parsed = parseServiceDelivery(req.body, services.config);
    const reason = typeof values.reason === 'string' ? values.reason : null;
    if (!parsed.ok) return renderService(req, res, { correct: formState(values, parsed.errors) }, 400);
    try {
      await services.serviceDelivery.correct(staffContext(req), id, serviceId, { ...parsed.data, reason });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal.kind === 'invalid') return renderService(req, res, { correct: formState(values, refusal.errors) }, refusal.status);
      return renderService(req, res, { correct: formState(values), refusal: refusal.kind === 'refused' ? refusal.code : 'committee:errors.changedBySomeoneElse' }, refusal.status);
    }
    req.session.flashMessage = { key: 'committee:flash.serviceCorrected' };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  router.post('/staff/requests/:id/services/:serviceId/cancel', staffOnly, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    const serviceId = parseId(req.params.serviceId);
    if (!id || !serviceId) throw new NotFoundError();
    // Named apart from the correction's reason: both forms are on one page.
    const values = keepTyped(req.body, ['cancelReason']);
    try {
      await services.serviceDelivery.cancel(staffContext(req), id, serviceId, typeof values.cancelReason === 'string' ? values.cancelReason : null);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal.kind === 'invalid') {
        const errors = refusal.errors.map((fieldError) => (fieldError.field === 'reason' ? { ...fieldError, field: 'cancelReason' } : fieldError));
        return renderService(req, res, { cancel: formState(values, errors) }, refusal.status);
      }
      return renderService(req, res, { refusal: refusal.kind === 'refused' ? refusal.code : 'committee:errors.changedBySomeoneElse' }, refusal.status);
    }
    req.session.flashMessage = { key: 'committee:flash.serviceCancelled' };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  return router;
}
