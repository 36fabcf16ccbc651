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
import { pathOf } from './journey.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';

type Row = { key: string; value: string | null; href?: string; qa?: string };

/** The check-your-answers sections, each row with a "Change" link that comes back here. */
export function answerSections(req: Request, request: FullRequest) {
  const t = req.t;
  const change = (step: string) => `${pathOf(step as never)}?returnTo=check`;
  // Enum labels are shared with the staff and committee screens (domain:); document kinds are the journey's own.
  const option = (prefix: string, value: string | null) => (value ? t(`${prefix}${value}`, { defaultValue: value }) : null);
  const amount = (value: number | null) => (value == null ? null : t('apply:amount', { amount: value }));
  const row = (key: string, value: string | null, step: string, qa: string): Row => ({ key: t(key), value, href: change(step), qa });
  const sections: { step: string; heading: string; rows: Row[] }[] = [
    {
      step: 'eligibility',
      heading: t('apply:check.eligibility'),
      rows: [row('apply:eligibility.city', request.city, 'eligibility', 'check-eligibility')],
    },
    {
      step: 'personal',
      heading: t('apply:check.personal'),
      rows: [
        row('apply:personal.fullName', request.fullName, 'personal', 'check-fullName'),
        row('apply:personal.birthDate', req.format.enteredDate(request.birthDate, request.birthDateEntered), 'personal', 'check-birthDate'),
        row('apply:personal.nationality', option('domain:options.nationality.', request.nationality), 'personal', 'check-nationality'),
        row('apply:personal.maritalStatus', option('domain:options.maritalStatus.', request.maritalStatus), 'personal', 'check-maritalStatus'),
        row('apply:personal.idExpiryDate', req.format.enteredDate(request.idExpiryDate, request.idExpiryDateEntered), 'personal', 'check-idExpiryDate'),
      ],
    },
    {
      step: 'contact',
      heading: t('apply:check.contact'),
      rows: [
        row('apply:contact.city', request.city, 'contact', 'check-city'),
        row('apply:contact.district', request.district, 'contact', 'check-district'),
        row('apply:contact.email', request.email, 'contact', 'check-email'),
      ],
    },
    {
      step: 'household',
      heading: t('apply:check.household'),
      rows: [
        row(
          'apply:household.members',
          request.householdMembers.length === 0
            ? t('apply:household.none')
            : request.householdMembers.map((member) => `${member.fullName} (${option('domain:options.relation.', member.relation)})`).join(t('common:listSeparator')),
          'household',
          'check-household',
        ),
      ],
    },
    {
      step: 'income',
      heading: t('apply:check.income'),
      rows: (['incomeSalary', 'incomeSocialSecurity', 'incomePension', 'incomeOther', 'obligationLoans', 'obligationOther'] as const).map((field) =>
        row(`apply:income.${field}`, amount(request[field]), 'income', `check-${field}`),
      ),
    },
    {
      step: 'housing',
      heading: t('apply:check.housing'),
      rows: [
        row('apply:housing.housingType', option('domain:options.housingType.', request.housingType), 'housing', 'check-housingType'),
        ...(request.housingType === 'rented' ? [row('apply:housing.monthlyRent', amount(request.monthlyRent), 'housing', 'check-monthlyRent')] : []),
      ],
    },
    {
      step: 'support',
      heading: t('apply:check.support'),
      rows: [
        row('apply:support.supportType', option('domain:supportTypes.', request.supportType), 'support', 'check-supportType'),
        row('apply:support.needDescriptionLabel', request.needDescription, 'support', 'check-needDescription'),
      ],
    },
    {
      step: 'documents',
      heading: t('apply:check.documents'),
      rows: [
        row(
          'apply:documents.attached',
          request.documents.length === 0 ? t('apply:documents.none') : request.documents.map((document) => `${option('apply:options.documentKind.', document.kind)}: ${document.originalName}`).join(t('common:listSeparator')),
          'documents',
          'check-documents',
        ),
      ],
    },
  ];
  return sections;
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
