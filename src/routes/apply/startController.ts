import express from 'express';
import { inputNames, nextPath, resumePath, stepById, stepsCompletedOf, taskListOf } from '../../domain/journeySteps.ts';
import { parseForm } from '../../domain/requestForm.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import { renderStep, returnToOf, schemaContextFor, typedValues } from './applyHelpers.ts';

export function applyStartRoutes(services: Services) {
  const router = express.Router();
  const cities = services.config.serviceCities;

  // A returning applicant with a draft lands on the task list; everyone else sees the start page.
  router.get('/apply', async (req, res) => {
    const beneficiary = res.locals.beneficiary;
    const draft = beneficiary ? await services.applications.findOpenForBeneficiary(beneficiaryContext(req, res).id) : null;
    if (!draft || draft.status !== 'draft') {
      return res.render('pages/apply/start', { pageTitleKey: 'apply:start.title', cities, signedIn: Boolean(beneficiary) });
    }
    const tasks = taskListOf({
      stepsCompleted: draft.stepsCompleted,
      householdCount: draft.householdMembers.length,
      documentCount: draft.documents.length,
      answers: draft as unknown as Record<string, unknown>,
    });
    res.render('pages/apply/hub', {
      pageTitleKey: 'apply:hub.title',
      tasks,
      progress: req.t('apply:hub.progress', { completed: req.format.count(tasks.completedCount), total: req.format.count(tasks.sections.length) }),
    });
  });

  router.get('/apply/eligibility', (req, res) => {
    const saved = req.session.applyEligibility;
    const values = saved ? { livesInServiceArea: saved.livesInServiceArea ? 'yes' : 'no', city: saved.city } : {};
    renderStep(req, res, 'eligibility', { values, cities });
  });

  // Answered before signing in, so it lives in the session until a draft exists.
  router.post('/apply/eligibility', async (req, res) => {
    const answeredNo = req.body?.livesInServiceArea === 'no';
    if (answeredNo) return res.redirect(303, nextPath('eligibility', { livesInServiceArea: false }));
    const step = stepById('eligibility');
    const form = parseForm(step.schema(schemaContextFor(services, null)), req.body);
    if (!form.ok) return renderStep(req, res, 'eligibility', { values: typedValues(req.body, inputNames(step)), errors: form.errors, cities });
    req.session.applyEligibility = { livesInServiceArea: form.data.livesInServiceArea, city: form.data.city };
    if (!res.locals.beneficiary) {
      req.session.beneficiaryReturnTo = '/apply/resume';
      return res.redirect(303, '/apply/sign-in');
    }
    if (returnToOf(req)) return res.redirect(303, '/apply/resume?returnTo=check');
    res.redirect(303, '/apply/resume');
  });

  router.get('/apply/not-eligible', (req, res) => {
    res.render('pages/apply/not-eligible', { pageTitleKey: 'apply:not-eligible.title', backLink: '/apply/eligibility', cities });
  });

  router.get('/apply/sign-in', (req, res) => {
    if (res.locals.beneficiary) return res.redirect(303, '/apply/resume');
    req.session.beneficiaryReturnTo = '/apply/resume';
    res.render('pages/apply/sign-in', { pageTitleKey: 'apply:sign-in.title', backLink: '/apply/eligibility' });
  });

  /** Creates or finds the applicant's draft, then continues where they left off. */
  router.get('/apply/resume', requireBeneficiary, async (req, res) => {
    const context = beneficiaryContext(req, res);
    const started = await services.applications.startOrResumeDraft(context.id, 'website', context);
    const request = started.request;
    if (started.outcome === 'open') {
      if (request.status === 'needs_info') return res.redirect(303, '/apply/check');
      return res.render('pages/apply/open-request', { pageTitleKey: 'apply:open-request.title', request });
    }
    const eligibility = req.session.applyEligibility;
    const steps = stepsCompletedOf(request);
    if (eligibility) {
      // Saving the check also records the city, which pre-fills the address step.
      await services.applications.saveStep(request.id, 'eligibility', eligibility, undefined, context);
      delete req.session.applyEligibility;
      steps.add('eligibility');
    }
    if (req.query.returnTo === 'check') return res.redirect(303, '/apply/check');
    if (!steps.has('eligibility')) return res.redirect(303, '/apply/eligibility');
    // Someone coming back to a draft they have worked on sees the task list; a new draft starts at its first step.
    const returning = [...steps].some((id) => id !== 'eligibility');
    res.redirect(303, returning ? '/apply' : resumePath(steps));
  });

  return router;
}
