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
import { parseId, staffContext } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';
import { formState, keepTyped, type FieldError } from '../forms.ts';
import { postedVersion } from '../staff/caseworkHelpers.ts';

/** A decision recorded before the response window opens stays "under study" for the applicant. */
export function statusForBeneficiary(request: {
  status: string;
  decisionReleasedAt: Date | null;
}): RequestStatus {
  return beneficiaryStatusView(request.status as RequestStatus, {
    decisionReleased: request.decisionReleasedAt != null,
  });
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

  router.get('/account/requests', requireBeneficiary, async (req, res) => {
    const context = beneficiaryContext(req, res);
    const requests = await applications.listForBeneficiary(context.id);
    res.render('pages/account/requests', {
      pageTitleKey: 'account:requests.title',
      requests: requests.map((request) => ({
        id: request.id,
        reference: request.reference,
        status: statusForBeneficiary(request),
        submittedOn: dualDate(req, request.submittedAt),
        earliestResponse: dualDate(req, request.responseWindowOpensAt),
        isDraft: request.status === 'draft',
      })),
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
    if (!request) return notFoundHandler(req, res);
    const status = statusForBeneficiary(request);
    const timeline = await services.data.repositories.audit.forRequest(request.id, true);
    const ratingTarget = await services.ratings.target(context, request.id);
    res.render('pages/account/request', {
      pageTitle: request.reference
        ? req.t('account:request.title', { reference: request.reference })
        : req.t('account:request.draftTitle'),
      backLink: '/account/requests',
      request,
      status,
      earliestResponse: dualDate(req, request.responseWindowOpensAt),
      ratingOffered: ratingTarget?.offered ?? false,
      withdrawable: canWithdraw(request),
      underStudy: [
        'submitted',
        'in_verification',
        'referred',
        'ready_for_committee',
        'with_committee',
      ].includes(status),
      infoItems:
        request.status === 'needs_info'
          ? request.infoRequests
              .filter((info) => !info.resolvedAt)
              .flatMap((info) => parseItems(info.items))
          : [],
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
    if (!request) return notFoundHandler(req, res);
    if (!canWithdraw(request)) return res.redirect(303, `/account/requests/${request.id}`);
    renderWithdraw(req, res, request, 200);
  });

  router.post('/account/requests/:id/withdraw', requireBeneficiary, async (req, res) => {
    const request = await ownRequest(req, res);
    if (!request) return notFoundHandler(req, res);
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

  // Served to the owner and to staff only, always as a download so no browser renders it inline.
  router.get('/account/requests/:id/documents/:documentId', async (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const documentId = parseId(req.params.documentId);
    const context = req.staff
      ? staffContext(req)
      : res.locals.beneficiary
        ? beneficiaryContext(req, res)
        : null;
    if (!context) return res.redirect(303, '/account/login');
    if (!id || !documentId) return notFoundHandler(req, res);
    try {
      const { document, bytes } = await services.documents.open(id, documentId, context);
      res.set({
        'Content-Type': document.mimeType,
        'Content-Disposition': `attachment; filename="document-${document.id}.${document.mimeType.split('/')[1] === 'jpeg' ? 'jpg' : document.mimeType.split('/')[1]}"; filename*=UTF-8''${encodeURIComponent(document.originalName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
      res.send(bytes);
    } catch (error) {
      if (error instanceof NotFoundError) return notFoundHandler(req, res);
      throw error;
    }
  });

  return router;
}
