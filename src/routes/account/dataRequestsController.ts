import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import type { Services } from '../../services/index.ts';
import { DATA_REQUEST_KINDS, daysLeft, isOpen } from '../../domain/dataRequests.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import { parseId } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';
import { dataRequestSchema } from './dataRequestSchemas.ts';

/** A beneficiary asks to correct, complete or destroy their data, and follows the answer. */
export function accountDataRequestRoutes(services: Services) {
  const router = express.Router();
  router.use('/account/data-requests', requireBeneficiary);

  const renderNew = (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[] = []) =>
    res.status(status).render('pages/account/data-requests/new', {
      pageTitleKey: 'privacy:dataRequest.newTitle',
      backLink: '/account/my-data',
      kinds: DATA_REQUEST_KINDS,
      form: formState(values, errors),
    });

  router.get('/account/data-requests/new', (req, res) => {
    const kind = typeof req.query.kind === 'string' && (DATA_REQUEST_KINDS as readonly string[]).includes(req.query.kind) ? req.query.kind : undefined;
    renderNew(req, res, 200, { kind });
  });

  router.post('/account/data-requests', async (req, res) => {
    const typed = keepTyped(req.body, ['kind', 'details']);
    const form = parseForm(dataRequestSchema, req.body);
    if (!form.ok) return renderNew(req, res, 400, typed, form.errors);
    const context = beneficiaryContext(req, res);
    const created = await services.dataRequests.receive(context, { beneficiaryId: context.id, kind: form.data.kind, details: form.data.details, channel: 'website' });
    res.redirect(303, `/account/data-requests/${created.id}`);
  });

  router.get('/account/data-requests/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const request = id ? await services.dataRequests.ownRequest(beneficiaryContext(req, res).id, id) : null;
    if (!request) throw new NotFoundError();
    res.render('pages/account/data-requests/show', {
      pageTitle: req.t('privacy:dataRequest.title', { reference: request.reference }),
      backLink: '/account/my-data',
      request,
      open: isOpen(request),
      receivedOn: dualDate(req, request.receivedAt),
      dueOn: dualDate(req, request.dueAt),
      answeredOn: dualDate(req, request.answeredAt),
      daysLeft: daysLeft(request, services.clock.now()),
    });
  });

  return router;
}
