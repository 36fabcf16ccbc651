import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm } from '../forms.ts';
import { dualDate } from '../apply/dualDate.ts';

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 1000;

const questionSchema = z.object({
  question: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value.trim() : ''))
    .pipe(
      z
        .string()
        .min(1, 'feedback:errors.questionRequired')
        .min(QUESTION_MIN, 'feedback:errors.questionTooShort')
        .max(QUESTION_MAX, 'feedback:errors.questionTooLong'),
    ),
  requestId: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' && value !== '' ? value : null))
    .pipe(z.string().regex(/^\d{1,9}$/, 'feedback:errors.requestUnknown').transform(Number).nullable()),
});

const FIELDS = ['question', 'requestId'];

export function accountQuestionRoutes(services: Services) {
  const router = express.Router();

  async function render(req: Request, res: Response, form = formState(), status = 200) {
    const context = beneficiaryContext(req, res);
    const [questions, requests] = await Promise.all([services.questions.listForBeneficiary(context.id), services.applications.listForBeneficiary(context.id)]);
    res.status(status).render('pages/account/questions', {
      pageTitleKey: 'feedback:questions.title',
      form,
      requestItems: requests.filter((request) => request.reference).map((request) => ({ value: request.id, text: request.reference })),
      questions: questions.map((question) => ({
        id: question.id,
        question: question.question,
        reference: question.reference,
        askedOn: dualDate(req, question.askedAt),
        answer: question.answer,
        answeredOn: question.answeredAt ? dualDate(req, question.answeredAt) : null,
      })),
    });
  }

  router.get('/account/questions', requireBeneficiary, (req, res) => render(req, res));

  router.post('/account/questions', requireBeneficiary, async (req, res) => {
    const values = keepTyped(req.body, FIELDS);
    const parsed = parseForm(questionSchema, req.body);
    if (!parsed.ok) return render(req, res, formState(values, parsed.errors), 400);
    const outcome = await services.questions.ask(beneficiaryContext(req, res), parsed.data);
    if (!outcome.ok) return render(req, res, formState(values, [{ field: outcome.field, code: outcome.code }]), 400);
    req.session.flashMessage = { key: 'feedback:flash.questionSent' };
    res.redirect(303, '/account/questions');
  });

  return router;
}
