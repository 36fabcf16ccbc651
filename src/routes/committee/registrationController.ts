import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import type { Services } from '../../services/index.ts';
import { formState, parseForm, refusalErrors, refusalOf, type FieldError } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';
import { registrationItemsSchema } from './committeeSchemas.ts';
import { NotFoundError } from '../../services/errors.ts';

export function registrationRoutes(services: Services) {
  const router = express.Router();
  const itemsSchema = registrationItemsSchema(services.config);
  const officer = requireRole('relations_officer');
  // A refused registration shows the checklist again, so the writes pass the same read gate.
  const readFile = requireCaseRead(services, 'request_file');

  async function render(req: Request, res: Response, errors: FieldError[] = [], status = 200) {
    const id = parseId(req.params.id);
    const checklist = id ? await services.registration.checklist(id) : null;
    if (!checklist) throw new NotFoundError();
    res.status(status).render('pages/committee/registration', {
      pageTitle: req.t('committee:registration.title', { reference: checklist.request.reference ?? checklist.request.id }),
      backLink: `/committee/requests/${checklist.request.id}`,
      ...checklist,
      canAct: req.staff!.roles.includes('relations_officer'),
      form: formState({ items: checklist.done.map((item) => item.item) }, errors),
      dateTime: req.format.dateTime,
    });
  }

  router.get('/staff/requests/:id/registration', readFile, (req, res) => render(req, res));

  router.post('/staff/requests/:id/registration', officer, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) return render(req, res);
    const parsed = parseForm(itemsSchema, req.body);
    if (!parsed.ok) return render(req, res, [{ field: 'items', code: 'committee:errors.registrationItemRequired' }], 400);
    try {
      await services.registration.completeItems(staffContext(req), id, parsed.data.items);
    } catch (error) {
      const refusal = refusalOf(error);
      return render(req, res, refusalErrors(refusal, 'items', 'committee:errors.changedBySomeoneElse'), refusal.status);
    }
    req.session.flashMessage = { key: 'committee:flash.registrationItemsSaved' };
    res.redirect(303, `/staff/requests/${id}/registration`);
  });

  router.post('/staff/requests/:id/registration/register', officer, readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) return render(req, res);
    let outcome: { fileNumber: string };
    try {
      outcome = await services.registration.register(staffContext(req), id);
    } catch (error) {
      const refusal = refusalOf(error);
      return render(req, res, refusalErrors(refusal, 'items', 'committee:errors.changedBySomeoneElse'), refusal.status);
    }
    req.session.flashMessage = { key: 'committee:flash.registered', params: { fileNumber: outcome.fileNumber } };
    res.redirect(303, `/staff/requests/${id}/services`);
  });

  return router;
}
