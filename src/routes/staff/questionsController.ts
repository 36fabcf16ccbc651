import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';

export const ANSWER_MAX = 2000;

const answerSchema = z.object({
  answer: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value.trim() : ''))
    .pipe(z.string().min(1, 'feedback:errors.answerRequired').max(ANSWER_MAX, 'feedback:errors.answerTooLong')),
});

/** Beneficiaries' written questions, answered by relations officers and managers. */
export function staffQuestionRoutes(services: Services) {
  const router = express.Router();
  const answerers = requireRole('relations_officer', 'manager');

  router.get('/staff/questions', answerers, async (req, res) => {
    const questions = await services.questions.unanswered();
    res.render('pages/staff/questions', {
      pageTitleKey: 'feedback:staff.title',
      questions: questions.map((question) => ({ ...question, askedOn: dualDate(req, question.askedAt) })),
    });
  });

  async function renderAnswer(req: Request, res: Response, form = formState(), status = 200) {
    const id = parseId(req.params.id);
    const question = id ? await services.questions.openQuestion(id) : null;
    if (!question) throw new NotFoundError();
    res.status(status).render('pages/staff/question', {
      pageTitleKey: 'feedback:staff.answerTitle',
      backLink: '/staff/questions',
      question: { ...question, askedOn: dualDate(req, question.askedAt) },
      form,
    });
  }

  router.get('/staff/questions/:id', answerers, (req, res) => renderAnswer(req, res));

  router.post('/staff/questions/:id', answerers, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    const values = keepTyped(req.body, ['answer']);
    const parsed = parseForm(answerSchema, req.body);
    if (!parsed.ok) return renderAnswer(req, res, formState(values, parsed.errors), 400);
    const outcome = await services.questions.answer(staffContext(req), id, parsed.data.answer);
    if (!outcome.ok) {
      if (outcome.status === 404) throw new NotFoundError();
      req.session.flashMessage = { key: outcome.code };
      return res.redirect(303, '/staff/questions');
    }
    req.session.flashMessage = { key: 'feedback:flash.answered' };
    res.redirect(303, '/staff/questions');
  });

  return router;
}
