import express, { type Request, type Response } from 'express';
import {
  beneficiaryStatusView,
  decideTransition,
  type RequestStatus,
} from '../../domain/requestStatus.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import {
  NotFoundError,
  TransitionRefusedError,
  VersionConflictError,
} from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import { parseId } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';
import { isUnderStudyForApplicant, showsEarliestResponse } from '../../domain/beneficiaryOutcome.ts';
import { formState, keepTyped, type FieldError } from '../forms.ts';
import { postedVersion } from '../staff/caseworkHelpers.ts';
import { sendDocument } from '../documentDownload.ts';

/** A decision recorded before the response window opens stays "under study" for the applicant. */
export function statusForBeneficiary(request: {
  status: string;
  decisionReleasedAt: Date | null;
}): RequestStatus {
  return beneficiaryStatusView(request.status as RequestStatus, {
    decisionReleased: request.decisionReleasedAt != null,
  });
}

/** What the association asked for and the applicant has not yet answered. */
export function openInfoItems(request: { status: string; infoRequests: { resolvedAt: Date | null; items: string }[] }): string[] {
  if (request.status !== 'needs_info') return [];
  return request.infoRequests.filter((info) => !info.resolvedAt).flatMap((info) => parseItems(info.items));
}

function parseItems(items: string): string[] {
  try {
    const parsed: unknown = JSON.parse(items);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export function accountRequestRoutes(services: Services) {
  const router = express.Router();
  const { applications } = services;

  /** Shown only while it is still a promise about the future. */
  const earliestResponseFor = (req: Request, status: RequestStatus, opensAt: Date | null) =>
    showsEarliestResponse(status, opensAt, services.clock.now()) ? dualDate(req, opensAt) : null;

  router.get('/account/requests', requireBeneficiary, async (req, res) => {
    const context = beneficiaryContext(req, res);
    const requests = await applications.listForBeneficiary(context.id);
    const delivered = await services.serviceDelivery.listForBeneficiary(context.id);
    res.render('pages/account/requests', {
      pageTitleKey: 'account:requests.title',
      requests: requests.map((request) => {
        const status = statusForBeneficiary(request);
        return {
          id: request.id,
          reference: request.reference,
          status,
          submittedOn: dualDate(req, request.submittedAt),
          earliestResponse: earliestResponseFor(req, status, request.responseWindowOpensAt),
          isDraft: request.status === 'draft',
        };
      }),
      deliveredServices: delivered,
      formatDate: (iso: string) => dualDate(req, iso),
    });
  });

  /** The signed-in applicant's own request; someone else's is as missing as one that does not exist. */
  const ownRequest = async (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    if (!id) return null;
    return applications
      .get(id, beneficiaryContext(req, res))
      .catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));
  };
  const canWithdraw = (request: { status: string }) =>
    decideTransition(request.status as RequestStatus, 'withdraw', { kind: 'beneficiary' }).ok;

  router.get('/account/requests/:id', requireBeneficiary, async (req, res) => {
    const context = beneficiaryContext(req, res);
    const request = await ownRequest(req, res);
    if (!request) throw new NotFoundError();
    const status = statusForBeneficiary(request);
    const timeline = await services.audit.beneficiaryTimeline(request.id);
    const ratingTarget = await services.ratings.target(context, request.id);
    const answer = await services.decisionRelease.answerForApplicant(request, services.config.reapplyAfterDays);
    const deliveredForRequest =
      answer?.outcome === 'accept'
        ? (await services.serviceDelivery.listForBeneficiary(context.id)).filter((service) => service.requestId === request.id)
        : [];
    res.render('pages/account/request', {
      pageTitle: request.reference
        ? req.t('account:request.title', { reference: request.reference })
        : req.t('account:request.draftTitle'),
      backLink: '/account/requests',
      request,
      status,
      earliestResponse: earliestResponseFor(req, status, request.responseWindowOpensAt),
      answer: answer && {
        outcome: answer.outcome,
        supportType: answer.approvedSupportType,
        amount: answer.amount,
        quantity: answer.quantity,
        durationMonths: answer.durationMonths,
        note: answer.beneficiaryNote,
        reason: answer.rejectionReason,
        fileNumber: answer.outcome === 'accept' ? request.beneficiary.fileNumber : null,
        registered: request.status === 'registered' || request.beneficiary.fileNumber != null,
        reapplyFrom: answer.reapplyFrom && answer.reapplyFrom > services.clock.now() ? dualDate(req, answer.reapplyFrom) : null,
      },
      deliveredServices: deliveredForRequest,
      formatDate: (iso: string) => dualDate(req, iso),
      ratingOffered: ratingTarget?.offered ?? false,
      withdrawable: canWithdraw(request),
      underStudy: isUnderStudyForApplicant(status),
      infoItems: openInfoItems(request),
      timeline: timeline.map((entry) => ({
        at: dualDate(req, entry.at),
        action: entry.action,
        key: `account:timeline.${entry.action}`,
      })),
    });
  });

  const renderWithdraw = (
    req: Request,
    res: Response,
    request: { id: number; reference: string | null; version: number },
    status: number,
    values: Record<string, unknown> = {},
    errors: FieldError[] = [],
    conflict = false,
  ) =>
    res.status(status).render('pages/account/withdraw', {
      pageTitle: request.reference
        ? req.t('account:withdraw.title', { reference: request.reference })
        : req.t('account:withdraw.draftTitle'),
      backLink: `/account/requests/${request.id}`,
      request,
      conflict,
      form: formState(values, errors),
    });

  router.get('/account/requests/:id/withdraw', requireBeneficiary, async (req, res) => {
    const request = await ownRequest(req, res);
    if (!request) throw new NotFoundError();
    if (!canWithdraw(request)) return res.redirect(303, `/account/requests/${request.id}`);
    renderWithdraw(req, res, request, 200);
  });

  router.post('/account/requests/:id/withdraw', requireBeneficiary, async (req, res) => {
    const request = await ownRequest(req, res);
    if (!request) throw new NotFoundError();
    const typed = keepTyped(req.body, ['reason']);
    try {
      const result = await services.withdrawals.withdraw(
        request.id,
        typed.reason ?? '',
        postedVersion(req),
        beneficiaryContext(req, res),
      );
      if (!result.ok) return renderWithdraw(req, res, request, 400, typed, result.errors);
    } catch (error) {
      // The page showed an older state: show it again with the latest version, or the request if it moved on.
      if (error instanceof VersionConflictError && canWithdraw(request))
        return renderWithdraw(req, res, request, 409, typed, [], true);
      if (error instanceof VersionConflictError || error instanceof TransitionRefusedError)
        return res.redirect(303, `/account/requests/${request.id}`);
      throw error;
    }
    req.session.flashMessage = { key: 'account:withdraw.done' };
    res.redirect(303, `/account/requests/${request.id}`);
  });

  // The owner's own copy; staff open documents through the staff file, where their stage is checked and the read logged.
  router.get('/account/requests/:id/documents/:documentId', requireBeneficiary, async (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const documentId = parseId(req.params.documentId);
    if (!id || !documentId) throw new NotFoundError();
    try {
      const { document, bytes } = await services.documents.open(id, documentId, beneficiaryContext(req, res));
      sendDocument(res, document, bytes);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError();
      throw error;
    }
  });

  return router;
}
