import express from 'express';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import type { Services } from '../../services/index.ts';
import type { CaseRead } from '../../services/caseAccessService.ts';
import { parseId, staffContext } from '../context.ts';
import { sendDocument } from '../documentDownload.ts';

/** A request's document for the staff whose work needs it at the request's stage (officers verifying it, the committee, the researcher). */
export function staffDocumentRoutes(services: Services) {
  const router = express.Router();
  router.get('/staff/requests/:id/documents/:documentId', requireCaseRead(services, 'document'), async (req, res) => {
    const read = res.locals.caseRead as CaseRead & { ok: true };
    const { document, bytes } = await services.documents.open(read.requestId!, parseId(req.params.documentId)!, staffContext(req));
    sendDocument(res, document, bytes);
  });
  return router;
}
