import express, { type Request, type Response } from 'express';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../../middleware/requireRole.ts';
import { DATA_REQUEST_KINDS, daysLeft, isOpen, isOverdue } from '../../domain/dataRequests.ts';
import { parseNationalId } from '../../domain/nationalId.ts';
import { NotFoundError, TransitionRefusedError } from '../../services/errors.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';
import { recordedDataRequestSchema, staffAnswerSchema } from '../account/dataRequestSchemas.ts';

const ROLES = ['relations_officer', 'manager'] as const;

/** The queue of requests about personal data, each with its deadline; officers answer, extend or refuse. */
export function staffDataRequestRoutes(services: Services) {
  const router = express.Router();
  router.use('/staff/data-requests', requireRole(...ROLES));

  router.get('/staff/data-requests', async (req, res) => {
    const now = services.clock.now();
    const { open, closed } = await services.dataRequests.queue();
    res.render('pages/staff/dataRequests', {
      pageTitleKey: 'privacy:queue.title',
      open: open.map((request) => ({ ...request, overdue: isOverdue(request, now), daysLeft: daysLeft(request, now), dueOn: dualDate(req, request.dueAt), receivedOn: dualDate(req, request.receivedAt) })),
      closed: closed.map((request) => ({ ...request, answeredOn: dualDate(req, request.answeredAt) })),
    });
  });

  const renderNew = (req: Request, res: Response, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) =>
    res.status(status).render('pages/staff/dataRequestNew', {
      pageTitleKey: 'privacy:queue.recordTitle',
      backLink: '/staff/data-requests',
      kinds: DATA_REQUEST_KINDS,
      form: formState(values, errors),
    });

  router.get('/staff/data-requests/new', (req, res) => renderNew(req, res, 200));

  router.post('/staff/data-requests', async (req, res) => {
    const typed = keepTyped(req.body, ['nationalId', 'channel', 'kind', 'details']);
    const form = parseForm(recordedDataRequestSchema, req.body);
    const errors = form.ok ? [] : [...form.errors];
    const nationalId = parseNationalId(typed.nationalId ?? '');
    const person = nationalId.ok ? await services.dataRequests.findPerson(nationalId.value) : null;
    if (!errors.some((error) => error.field === 'nationalId') && !person) errors.unshift({ field: 'nationalId', code: 'privacy:errors.personUnknown' });
    if (!form.ok || !person || errors.length > 0) return renderNew(req, res, 400, typed, errors);
    const created = await services.dataRequests.receive(staffContext(req), { beneficiaryId: person.id, kind: form.data.kind, details: form.data.details, channel: form.data.channel });
    req.session.flashMessage = { key: 'privacy:queue.recorded', params: { reference: created.reference } };
    res.redirect(303, `/staff/data-requests/${created.id}`);
  });

  const renderOne = async (req: Request, res: Response, id: number, status = 200, values: Record<string, unknown> = {}, errors: FieldError[] = []) => {
    const now = services.clock.now();
    const { request, person, blocker } = await services.dataRequests.forStaff(id);
    res.status(status).render('pages/staff/dataRequest', {
      pageTitle: req.t('privacy:dataRequest.title', { reference: request.reference }),
      backLink: '/staff/data-requests',
      request,
      person,
      blocker,
      open: isOpen(request),
      overdue: isOverdue(request, now),
      daysLeft: daysLeft(request, now),
      canExtend: isOpen(request) && !request.extendedAt && !isOverdue(request, now),
      receivedOn: dualDate(req, request.receivedAt),
      dueOn: dualDate(req, request.dueAt),
      answeredOn: dualDate(req, request.answeredAt),
      form: formState(values, errors),
    });
  };

  router.get('/staff/data-requests/:id', async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    await renderOne(req, res, id);
  });

  router.post('/staff/data-requests/:id/answer', async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    const typed = keepTyped(req.body, ['outcome', 'text']);
    const form = parseForm(staffAnswerSchema, req.body);
    try {
      if (!form.ok) return await renderOne(req, res, id, 400, typed, form.errors);
      const context = staffContext(req);
      if (form.data.outcome === 'extend') await services.dataRequests.extend(context, id, form.data.text);
      else if (form.data.outcome === 'refuse') await services.dataRequests.refuse(context, id, form.data.text);
      else await services.dataRequests.answer(context, id, form.data.text);
    } catch (error) {
      // Answered meanwhile (another officer, another tab): the page has no form any more, so say so above it.
      if (error instanceof TransitionRefusedError && error.code === 'privacy:errors.notOpen') {
        req.session.flashMessage = { key: error.code };
        return res.redirect(303, `/staff/data-requests/${id}`);
      }
      if (error instanceof TransitionRefusedError) return renderOne(req, res, id, 409, typed, [{ field: 'outcome', code: error.code }]);
      throw error;
    }
    req.session.flashMessage = { key: `privacy:queue.done.${form.data.outcome}` };
    res.redirect(303, `/staff/data-requests/${id}`);
  });

  return router;
}
