import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import type { Services } from '../../services/index.ts';
import type { ServiceOutcome } from '../../services/serviceDeliveryService.ts';
import { isoToDateParts } from '../../domain/dates.ts';
import { formState, keepTyped } from '../forms.ts';

type FormState = ReturnType<typeof formState>;
import { parseId, staffContext } from '../context.ts';
import { parseServiceDelivery, SERVICE_FIELDS } from './committeeSchemas.ts';
import { dualDateFormatter } from './viewHelpers.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';

export function serviceDeliveryRoutes(services: Services) {
  const router = express.Router();
  const staffOnly = requireRole('relations_officer', 'manager');
  // A refused delivery shows the page again, so the write passes the same read gate.
  const readFile = requireCaseRead(services, 'request_file');

  async function render(req: Request, res: Response, form = formState(), status = 200) {
    const id = parseId(req.params.id);
    const file = id ? await services.committee.file(id) : null;
    if (!file) return notFoundHandler(req, res);
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
    if (!file || !service) return notFoundHandler(req, res);
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

  const failedFields = (outcome: ServiceOutcome) => (!outcome.ok && 'errors' in outcome ? outcome.errors : null);

  router.get('/staff/requests/:id/services', readFile, (req, res) => render(req, res));

  router.post('/staff/requests/:id/services', staffOnly, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) return render(req, res);
    const values = keepTyped(req.body, SERVICE_FIELDS);
    const parsed = parseServiceDelivery(req.body, services.config);
    if (!parsed.ok) return render(req, res, formState(values, parsed.errors), 400);
    const outcome = await services.serviceDelivery.record(staffContext(req), id, parsed.data);
    if (!outcome.ok) {
      const errors = failedFields(outcome);
      if (errors) return render(req, res, formState(values, errors), 400);
      if (!('code' in outcome)) return render(req, res);
      return outcome.status === 404 ? render(req, res) : render(req, res, formState(values, [{ field: 'serviceType', code: outcome.code }]), outcome.status);
    }
    req.session.flashMessage = { key: 'committee:flash.serviceRecorded' };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  router.get('/staff/requests/:id/services/:serviceId', staffOnly, readFile, (req, res) => renderService(req, res));

  router.post('/staff/requests/:id/services/:serviceId/correct', staffOnly, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    const serviceId = parseId(req.params.serviceId);
    if (!id || !serviceId) return notFoundHandler(req, res);
    const values = keepTyped(req.body, [...SERVICE_FIELDS, 'reason']);
    const parsed = parseServiceDelivery(req.body, services.config);
    const reason = typeof values.reason === 'string' ? values.reason : null;
    if (!parsed.ok) return renderService(req, res, { correct: formState(values, parsed.errors) }, 400);
    const outcome = await services.serviceDelivery.correct(staffContext(req), id, serviceId, { ...parsed.data, reason });
    if (!outcome.ok) {
      const errors = failedFields(outcome);
      if (errors) return renderService(req, res, { correct: formState(values, errors) }, 400);
      if ('code' in outcome && outcome.status !== 404) return renderService(req, res, { correct: formState(values), refusal: outcome.code }, outcome.status);
      return notFoundHandler(req, res);
    }
    req.session.flashMessage = { key: 'committee:flash.serviceCorrected' };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  router.post('/staff/requests/:id/services/:serviceId/cancel', staffOnly, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    const serviceId = parseId(req.params.serviceId);
    if (!id || !serviceId) return notFoundHandler(req, res);
    // Named apart from the correction's reason: both forms are on one page.
    const values = keepTyped(req.body, ['cancelReason']);
    const outcome = await services.serviceDelivery.cancel(staffContext(req), id, serviceId, typeof values.cancelReason === 'string' ? values.cancelReason : null);
    if (!outcome.ok) {
      const errors = failedFields(outcome)?.map((error) => (error.field === 'reason' ? { ...error, field: 'cancelReason' } : error));
      if (errors) return renderService(req, res, { cancel: formState(values, errors) }, 400);
      if ('code' in outcome && outcome.status !== 404) return renderService(req, res, { refusal: outcome.code }, outcome.status);
      return notFoundHandler(req, res);
    }
    req.session.flashMessage = { key: 'committee:flash.serviceCancelled' };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  return router;
}
