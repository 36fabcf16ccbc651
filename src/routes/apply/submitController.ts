import express, { type Request, type Response } from 'express';
import { openInfoItems } from '../account/requestsController.ts';
import type { FullRequest } from '../../data/requestRepository.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { TransitionRefusedError, NotFoundError } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import { DECLARATION_TEXT_VERSION } from '../../domain/declaration.ts';
import { parseId } from '../context.ts';
import { formState, keepTyped } from '../forms.ts';
import { editableRequest, progressText } from './applyHelpers.ts';
import { dualDate } from './dualDate.ts';
import { JOURNEY_STEPS, pathOf, type CheckRow, type JourneyStepDefinition, type StepId } from '../../domain/journeySteps.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { formatIbanForDisplay } from '../../domain/iban.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';

type Row = { key: string; value: string | null; href?: string; qa?: string; ltr?: boolean };

/** The check-your-answers sections, one a step of the registry, each row with a "Change" link that comes back here. */
export function answerSections(req: Request, request: FullRequest) {
  const t = req.t;
  const answers = request as unknown as Record<string, unknown>;
  const text = (value: unknown) => (value == null || value === '' ? null : String(value));
  // Enum labels are shared with the staff and committee screens (domain:); document kinds are the journey's own.
  const option = (prefix: string, value: unknown) => (value ? t(`${prefix}${String(value)}`, { defaultValue: String(value) }) : null);
  const shown = (row: CheckRow): string | null => {
    const value = answers[row.field];
    if (typeof row.value === 'object') return option(row.value.optionLabelPrefix, value);
    switch (row.value) {
      case 'text':
        return text(value);
      case 'enteredDate':
        return req.format.enteredDate(text(value) as IsoDate | null, text(answers[`${row.field}Entered`]));
      case 'amount':
        return value == null ? null : t('apply:amount', { amount: value });
      case 'iban':
        return value == null ? null : formatIbanForDisplay(String(value));
      case 'household':
        return request.householdMembers.length === 0
          ? t('apply:household.none')
          : request.householdMembers.map((member) => `${member.fullName} (${option('domain:options.relation.', member.relation)})`).join(t('common:listSeparator'));
      case 'documents':
        return request.documents.length === 0
          ? t('apply:documents.none')
          : request.documents.map((document) => `${option('apply:options.documentKind.', document.kind)}: ${document.originalName}`).join(t('common:listSeparator'));
    }
  };
  return (JOURNEY_STEPS as readonly JourneyStepDefinition[]).map((step) => ({
    step: step.id,
    heading: t(step.checkHeadingKey),
    rows: step.checkRows
      .filter((row) => !row.shownWhen || row.shownWhen(answers))
      .map((row): Row => ({ key: t(row.labelKey), value: shown(row), href: `${pathOf(step.id as StepId)}?returnTo=check`, qa: row.qa, ltr: row.value === 'iban' })),
  }));
}

export function applySubmitRoutes(services: Services) {
  const router = express.Router();
  const { applications } = services;

  const renderCheck = (req: Request, res: Response, request: FullRequest, errors: { field: string; code: string; params?: Record<string, string> }[] = []) =>
    res.status(errors.length ? 400 : 200).render('pages/apply/check', {
      pageTitleKey: 'apply:check.title',
      backLink: pathOf('documents'),
      progress: progressText(req, 'check'),
      sections: answerSections(req, request),
      infoItems: openInfoItems(request),
      request,
      form: formState({}, errors),
    });

  router.get('/apply/check', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    renderCheck(req, res, request);
  });

  router.post('/apply/check', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    const missing = applications.missingSteps(request);
    if (missing.length > 0) {
      return renderCheck(req, res, request, missing.map((step) => ({ field: `section-${step === 'idCopy' ? 'documents' : step}`, code: `apply:errors.missing.${step}` })));
    }
    res.redirect(303, pathOf('declaration'));
  });

  const renderDeclaration = (req: Request, res: Response, request: FullRequest, errors: { field: string; code: string }[] = [], status?: number) =>
    res.status(status ?? (errors.length ? 400 : 200)).render('pages/apply/declaration', {
      pageTitleKey: 'apply:declaration.title',
      backLink: pathOf('check'),
      request,
      textKey: `apply:declaration.${DECLARATION_TEXT_VERSION}.text`,
      resubmitting: request.status === 'needs_info',
      form: formState(keepTyped(req.body, ['signatureName', 'declarationAccepted']), errors),
    });

  router.get('/apply/declaration', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    renderDeclaration(req, res, request);
  });

  // Signing and submitting are one step for the applicant: the signature covers exactly what is sent.
  router.post('/apply/declaration', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    const context = beneficiaryContext(req, res);
    try {
      const signed = await applications.signAndSend(
        request.id,
        { declarationAccepted: req.body?.declarationAccepted, signatureName: req.body?.signatureName, channel: 'website', ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
        context,
      );
      if (!signed.ok) return renderDeclaration(req, res, request, signed.errors);
    } catch (error) {
      if (!(error instanceof TransitionRefusedError)) throw error;
      const code = error.code.includes(':') || error.code === 'idExpiryDate.expired' ? error.code : `apply:errors.refused.${error.code}`;
      return renderDeclaration(req, res, request, [{ field: 'refusal', code }], 409);
    }
    res.redirect(303, `/apply/confirmation/${request.id}`);
  });

  router.get('/apply/confirmation/:id', requireBeneficiary, async (req, res) => {
    const id = parseId(req.params.id);
    const request = id ? await applications.get(id, beneficiaryContext(req, res)).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    }) : null;
    if (!request || !request.reference) return notFoundHandler(req, res);
    res.render('pages/apply/confirmation', {
      pageTitleKey: 'apply:confirmation.title',
      request,
      earliestResponse: dualDate(req, request.responseWindowOpensAt),
      submittedOn: dualDate(req, request.submittedAt),
    });
  });

  return router;
}
