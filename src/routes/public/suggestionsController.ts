import express, { type Request, type Response } from 'express';
import type { Services } from '../../services/index.ts';
import { systemActor } from '../../services/actor.ts';
import { beneficiaryContext } from '../../middleware/requireBeneficiary.ts';
import { FEEDBACK_KINDS } from '../../domain/suggestionsAndComplaints.ts';
import { formState, keepTyped, type FieldError } from '../forms.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';

const FIELDS = ['kind', 'message', 'name', 'mobile'];

/** A suggestion or a complaint, from a signed-in beneficiary or a visitor; the confirmation shows its reference. */
export function suggestionRoutes(services: Services) {
  const router = express.Router();

  const render = (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[]) =>
    res.status(status).render('pages/public/suggestion', {
      pageTitleKey: 'feedback:suggestion.title',
      kinds: FEEDBACK_KINDS,
      signedIn: Boolean(res.locals.beneficiary),
      form: formState(values, errors),
    });

  router.get('/feedback', (req, res) => render(req, res, 200, { kind: typeof req.query.kind === 'string' ? req.query.kind : undefined }, []));

  router.post('/feedback', async (req, res) => {
    const typed = keepTyped(req.body, FIELDS);
    const context = res.locals.beneficiary ? beneficiaryContext(req, res) : systemActor;
    const outcome = await services.suggestionsAndComplaints.send({ kind: typed.kind, message: typed.message, name: typed.name, mobile: typed.mobile }, context);
    if (!outcome.ok) return render(req, res, 400, typed, outcome.errors);
    res.redirect(303, `/feedback/sent/${encodeURIComponent(outcome.reference)}`);
  });

  // The reference alone shows only that it was received and by when it will be answered, never the message.
  router.get('/feedback/sent/:reference', async (req, res) => {
    const item = await services.suggestionsAndComplaints.findByReference(String(req.params.reference));
    if (!item) return notFoundHandler(req, res);
    res.render('pages/public/suggestionSent', {
      pageTitleKey: 'feedback:suggestion.sentTitle',
      item: { kind: item.kind, reference: item.reference, respondBy: item.respondBy, hasMobile: Boolean(item.mobile) },
      respondByText: req.format.date(item.respondBy),
    });
  });

  return router;
}
