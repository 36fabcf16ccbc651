import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import { hasAnyRole } from '../../domain/roles.ts';
import { DECISION_OUTCOMES, RECOMMENDATIONS } from '../../domain/committeeDecision.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm, refusalErrors, refusalOf, type FieldError } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';
import { DECISION_FIELDS, parseDecision, recommendationSchema } from './committeeSchemas.ts';
import { dualDateFormatter } from './viewHelpers.ts';
import { NotFoundError } from '../../services/errors.ts';

const CHANGED_BY_SOMEONE_ELSE = 'committee:errors.changedBySomeoneElse';

export function fileRoutes(services: Services) {
  const router = express.Router();
  // The write routes show the file again on a refusal, so they pass the same read gate.
  const readFile = requireCaseRead(services, 'committee_file');

  async function renderFile(req: Request, res: Response, forms: { recommendation?: object; decision?: object } = {}, status = 200) {
    const id = parseId(req.params.id);
    const file = id ? await services.committee.file(id) : null;
    if (!file) throw new NotFoundError();
    const staff = req.staff!;
    const myRecommendation = file.request.recommendations.find((item) => item.memberId === staff.id);
    const errors = [
      ...(((forms.recommendation as { errors?: FieldError[] } | undefined)?.errors) ?? []),
      ...(((forms.decision as { errors?: FieldError[] } | undefined)?.errors) ?? []),
    ];
    res.status(status).render('pages/committee/file', {
      pageTitle: req.t('committee:file.title', { reference: file.request.reference ?? file.request.id }),
      backLink: '/committee',
      ...file,
      canRecommend: hasAnyRole(staff.roles, ['committee_member', 'committee_chair']) && file.request.status === 'with_committee',
      canDecide: hasAnyRole(staff.roles, ['committee_chair']) && file.request.status === 'with_committee',
      supportTypes: services.config.supportTypes,
      recommendationChoices: RECOMMENDATIONS,
      decisionOutcomes: DECISION_OUTCOMES,
      rejectionReasons: services.config.rejectionReasons,
      recommendationForm:
        forms.recommendation ?? formState(myRecommendation ? { recommendation: myRecommendation.recommendation, note: myRecommendation.note } : {}),
      decisionForm: forms.decision ?? formState(),
      form: formState({}, errors),
      dualDate: dualDateFormatter(req),
      dateTime: req.format.dateTime,
    });
  }

  router.get('/committee/requests/:id', readFile, (req, res) => renderFile(req, res));

  router.post('/committee/requests/:id/recommendation', requireRole('committee_member', 'committee_chair'), readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    const values = keepTyped(req.body, ['recommendation', 'note']);
    const parsed = parseForm(recommendationSchema, req.body);
    if (!parsed.ok) return renderFile(req, res, { recommendation: formState(values, parsed.errors) }, 400);
    try {
      await services.committee.recordRecommendation(staffContext(req), id, parsed.data);
    } catch (error) {
      const refusal = refusalOf(error);
      return renderFile(req, res, { recommendation: formState(values, refusalErrors(refusal, 'recommendation', CHANGED_BY_SOMEONE_ELSE)) }, refusal.status);
    }
    req.session.flashMessage = { key: 'committee:flash.recommendationSaved' };
    res.redirect(303, `/committee/requests/${id}`);
  });

  router.post('/committee/requests/:id/decision', requireRole('committee_chair'), readFile, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    const values = keepTyped(req.body, DECISION_FIELDS);
    const parsed = parseDecision(req.body, services.config);
    if (!parsed.ok) return renderFile(req, res, { decision: formState(values, parsed.errors) }, 400);
    let outcome: { released: boolean };
    try {
      outcome = await services.committee.recordDecision(staffContext(req), id, parsed.data);
    } catch (error) {
      const refusal = refusalOf(error);
      return renderFile(req, res, { decision: formState(values, refusalErrors(refusal, 'outcome', CHANGED_BY_SOMEONE_ELSE)) }, refusal.status);
    }
    req.session.flashMessage = {
      key:
        parsed.data.outcome === 'more_info'
          ? 'committee:flash.returnedForInfo'
          : outcome.released
            ? 'committee:flash.decisionReleased'
            : 'committee:flash.decisionHeld',
    };
    res.redirect(303, `/committee/requests/${id}`);
  });

  return router;
}
