import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm, refusalOf } from '../forms.ts';
import { parseId } from '../context.ts';

export const COMMENT_MAX = 1000;
const SCORES = ['1', '2', '3', '4', '5'] as const;

const ratingSchema = z.object({
  score: z.enum(SCORES, { error: 'feedback:errors.scoreRequired' }).transform(Number),
  easeScore: z.enum(SCORES, { error: 'feedback:errors.easeScoreRequired' }).transform(Number),
  comment: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value.trim() : ''))
    .pipe(z.string().max(COMMENT_MAX, 'feedback:errors.commentTooLong'))
    .transform((value) => (value === '' ? null : value)),
  anonymous: z.unknown().optional().transform((value) => value === 'yes'),
});

const FIELDS = ['score', 'easeScore', 'comment', 'anonymous'];

export function accountRatingRoutes(services: Services) {
  const router = express.Router();

  async function render(req: Request, res: Response, form = formState(), status = 200) {
    const id = parseId(req.params.id);
    const target = id ? await services.ratings.target(beneficiaryContext(req, res), id) : null;
    if (!target) throw new NotFoundError();
    res.status(target.offered ? status : 409).render('pages/account/rate', {
      pageTitleKey: 'feedback:rate.title',
      backLink: `/account/requests/${target.id}`,
      target,
      form,
      scoreItems: (name: 'score' | 'easeScore') => SCORES.map((value) => ({ value, text: req.t(`feedback:rate.${name}Labels.${value}`) })),
    });
  }

  router.get('/account/requests/:id/rate', requireBeneficiary, (req, res) => render(req, res));

  router.post('/account/requests/:id/rate', requireBeneficiary, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    const values = keepTyped(req.body, FIELDS);
    const parsed = parseForm(ratingSchema, req.body);
    if (!parsed.ok) return render(req, res, formState(values, parsed.errors), 400);
    try {
      await services.ratings.rate(beneficiaryContext(req, res), id, parsed.data);
    } catch (error) {
      // No longer offered (rated in another tab, say): the page says so itself.
      refusalOf(error);
      return render(req, res);
    }
    req.session.flashMessage = { key: 'feedback:flash.rated' };
    res.redirect(303, `/account/requests/${id}`);
  });

  return router;
}
