import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import { isoToDateParts, isValidIso } from '../../domain/dates.ts';
import type { Services } from '../../services/index.ts';
import { parseId, staffContext } from '../context.ts';
import { formState, keepTyped, refusalErrors, refusalOf, type FieldError } from '../forms.ts';
import { postedVersion, redirectWithFlash, viewFormatters } from '../staff/caseworkHelpers.ts';

const ANSWER_FIELDS = ['answer', 'findings', 'recommendation', 'visitDate-day', 'visitDate-month', 'visitDate-year', 'visitDate-calendar'];

/** A saved visit date back in its three boxes, so saving again does not clear it. */
function storedVisitDate(iso: string | null): Record<string, string> {
  if (!iso || !isValidIso(iso)) return {};
  const { day, month, year } = isoToDateParts(iso);
  return { 'visitDate-day': String(day), 'visitDate-month': String(month), 'visitDate-year': String(year), 'visitDate-calendar': 'gregorian' };
}

/** The social researcher's queue of open referrals and the page to answer and close one. */
export function researchRoutes(services: Services) {
  const router = express.Router();
  const researcher = requireRole('social_researcher');
  const { referrals } = services;
  // The answer route shows the file again on a refusal, so it passes the same read gate.
  const readFile = requireCaseRead(services, 'research_file');

  router.get('/research', researcher, async (req, res) => {
    res.render('pages/research/queue', { pageTitleKey: 'research:queue.title', queue: await referrals.queue(), ...viewFormatters(req) });
  });

  async function renderReferral(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) {
    const id = parseId(req.params.id);
    if (id === null) throw new NotFoundError();
    const { referral, request } = await referrals.get(id);
    const stored = { answer: referral.answer ?? '', findings: referral.findings ?? '', recommendation: referral.recommendation ?? '', ...storedVisitDate(referral.visitDate) };
    res.status(status).render('pages/research/referral', {
      pageTitleKey: 'research:referral.title',
      backLink: '/research',
      referral,
      request,
      conflict,
      form: formState({ ...stored, ...values }, errors),
      ...viewFormatters(req),
    });
  }

  router.get('/research/referrals/:id', readFile, (req, res) => renderReferral(req, res, 200, {}, []));

  router.post('/research/referrals/:id', readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (id === null) throw new NotFoundError();
    const typed = keepTyped(req.body, ANSWER_FIELDS);
    const close = req.body?.intent === 'close';
    try {
      const result = await referrals.answer(
        id,
        {
          answer: typed.answer,
          findings: typed.findings,
          recommendation: typed.recommendation,
          visitDate: { day: typed['visitDate-day'], month: typed['visitDate-month'], year: typed['visitDate-year'], calendar: typed['visitDate-calendar'] },
          close,
        },
        postedVersion(req),
        staffContext(req),
      );
      if (!result.ok) return renderReferral(req, res, 400, typed, result.errors);
    } catch (error) {
      const refusal = refusalOf(error);
      return renderReferral(req, res, refusal.status, typed, refusalErrors(refusal), refusal.kind === 'conflict');
    }
    if (close) return redirectWithFlash(req, res, '/research', 'research:flash.closed');
    redirectWithFlash(req, res, `/research/referrals/${id}`, 'research:flash.saved');
  });

  return router;
}
