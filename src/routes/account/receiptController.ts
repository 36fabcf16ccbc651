import express from 'express';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';
import { NotFoundError } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import { parseId } from '../context.ts';
import { answerSections } from '../apply/submitController.ts';

/**
 * A receipt to keep: one page, laid out for A4 by the print stylesheet, offered from the confirmation page
 * and each request page. It shows what was signed, as signed: the latest declaration and its signer.
 */
export function accountReceiptRoutes(services: Services) {
  const router = express.Router();

  router.get('/account/requests/:id/receipt', requireBeneficiary, async (req, res) => {
    const id = parseId(req.params.id);
    const request = id
      ? await services.applications.get(id, beneficiaryContext(req, res)).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)))
      : null;
    if (!request?.reference || !request.submittedAt) return notFoundHandler(req, res);
    const declaration = [...request.declarations].sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime())[0] ?? null;
    const sections = answerSections(req, request).map((section) => ({
      ...section,
      rows: section.rows.map((row) => ({ key: row.key, value: row.value, qa: row.qa })),
    }));
    res.render('pages/account/receipt', {
      pageTitle: req.t('receipt:title', { reference: request.reference }),
      backLink: `/account/requests/${request.id}`,
      request,
      submittedAt: req.format.dateTime(request.submittedAt),
      earliestResponse: req.format.date(request.responseWindowOpensAt),
      printedAt: req.format.dateTime(services.clock.now()),
      sections,
      declaration: declaration && {
        textKey: `apply:declaration.${declaration.textVersion}.text`,
        signatureName: declaration.signatureName,
        signedAt: req.format.dateTime(declaration.signedAt),
      },
    });
  });

  return router;
}
