import express, { type Request, type Response } from 'express';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import { DOCUMENT_KINDS } from '../../services/documentService.ts';
import { ID_COPY_KIND } from '../../services/applicationService.ts';
import { parseId } from '../context.ts';
import { editableRequest, renderStep, returnToOf } from './applyHelpers.ts';
import { nextPath } from '../../domain/journeySteps.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';
import { uploadedFile } from '../uploads.ts';
import type { FieldError } from '../forms.ts';

export function applyDocumentRoutes(services: Services) {
  const router = express.Router();
  const { config } = services;
  // ID copies are asked for only when a law requires it (PDPL art. 28): a setting, off by default.
  const kinds = DOCUMENT_KINDS.filter((kind) => kind !== ID_COPY_KIND || config.requireIdCopy);
  const suffix = (req: Request) => (returnToOf(req) ? '?returnTo=check' : '');

  const render = async (req: Request, res: Response, errors: FieldError[] = [], values: Record<string, unknown> = {}) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    renderStep(req, res, 'documents', {
      request,
      documents: request.documents,
      kinds,
      requireIdCopy: config.requireIdCopy,
      maxMegabytes: Math.round(config.maxUploadBytes / 1024 / 1024),
      suffix: suffix(req),
      values,
      errors,
    });
  };

  router.get('/apply/documents', requireBeneficiary, (req, res) => render(req, res));

  router.post('/apply/documents/upload', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    const kind = typeof req.body?.documentKind === 'string' ? req.body.documentKind : '';
    // A file over the limit is an error on the same page, not an error page.
    const received = uploadedFile(req, 'document');
    if (!received.ok) {
      const code = received.problem === 'tooLarge' ? 'apply:errors.documentTooLarge' : 'apply:errors.documentUpload';
      return render(req, res, [{ field: 'document', code }], { documentKind: kind });
    }
    const errors: FieldError[] = [];
    if (!(kinds as readonly string[]).includes(kind)) errors.push({ field: 'documentKind', code: 'apply:errors.documentKindRequired' });
    if (!received.file) errors.push({ field: 'document', code: 'apply:errors.documentRequired' });
    if (errors.length > 0 || !received.file) return render(req, res, errors, { documentKind: kind });
    const result = await services.documents.upload(request.id, { ...received.file, kind }, beneficiaryContext(req, res));
    if (!result.ok) return render(req, res, [{ field: 'document', code: result.code, params: result.params }], { documentKind: kind });
    req.session.flashMessage = { key: 'apply:documents.uploaded' };
    res.redirect(303, `/apply/documents${suffix(req)}`);
  });

  router.post('/apply/documents/:documentId/remove', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    const documentId = parseId(req.params.documentId);
    if (!documentId || !request.documents.some((document) => document.id === documentId)) {
      return notFoundHandler(req, res);
    }
    await services.documents.remove(request.id, documentId, beneficiaryContext(req, res));
    res.redirect(303, `/apply/documents${suffix(req)}`);
  });

  router.post('/apply/documents', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    if (config.requireIdCopy && !request.documents.some((document) => document.kind === ID_COPY_KIND)) {
      return render(req, res, [{ field: 'documentKind', code: 'apply:errors.idCopyRequired' }]);
    }
    await services.applications.saveStep(request.id, 'documents', {}, undefined, beneficiaryContext(req, res));
    res.redirect(303, nextPath('documents', { returnTo: returnToOf(req) }));
  });

  return router;
}
