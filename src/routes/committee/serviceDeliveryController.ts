import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, refusalErrors, refusalOf } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';
import { parseServiceDelivery, SERVICE_FIELDS } from './committeeSchemas.ts';
import { dualDateFormatter } from './viewHelpers.ts';
import { NotFoundError } from '../../services/errors.ts';

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

  return router;
}
