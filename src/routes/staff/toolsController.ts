import contentDisposition from 'content-disposition';
import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { isReferenceDocumentKind } from '../../domain/referenceDocuments.ts';
import { hasAnyRole } from '../../domain/roles.ts';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { staffContext } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';
import type { FieldError } from '../forms.ts';
import { uploadedFile } from '../uploads.ts';

/** The policy's tools at hand for every staff member; admins keep the documents current. */
export function staffToolsRoutes(services: Services) {
  const router = express.Router();

  async function render(req: Request, res: Response, status = 200, errors: FieldError[] = []) {
    const staff = req.staff!;
    res.status(status).render('pages/staff/tools', {
      pageTitleKey: 'tools:title',
      tools: await services.referenceDocuments.list(),
      canUpload: hasAnyRole(staff.roles, ['admin']),
      canOpenRequestForm: hasAnyRole(staff.roles, ['relations_officer']),
      maxMegabytes: Math.round(services.config.maxUploadBytes / 1024 / 1024),
      dayOf: (value: Date) => dualDate(req, value),
      form: { values: {}, errors },
    });
  }

  router.get('/staff/tools', requireRole(), (req, res) => render(req, res));

  router.get('/staff/tools/:kind', requireRole(), async (req, res) => {
    const kind = req.params.kind;
    const opened = isReferenceDocumentKind(kind)
      ? await services.referenceDocuments.open(kind)
      : null;
    if (!opened) throw new NotFoundError();
    res.set({
      'Content-Type': opened.document.mimeType,
      // Inline: a guide is read in the browser's PDF viewer; the name is kept for saving it.
      'Content-Disposition': contentDisposition(opened.document.originalName, { type: 'inline', fallback: `${kind}.pdf` }),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    res.send(opened.bytes);
  });

  router.post('/staff/tools/:kind', requireRole('admin'), async (req, res) => {
    const kind = req.params.kind;
    if (!isReferenceDocumentKind(kind)) throw new NotFoundError();
    // Each document has its own form and field, so an error (a file over the limit) is shown next to the right one.
    const field = `file-${kind}`;
    const received = uploadedFile(req, field);
    if (!received.ok) {
      const code = received.problem === 'tooLarge' ? 'tools:errors.tooLarge' : 'tools:errors.upload';
      return render(req, res, 400, [{ field, code }]);
    }
    if (!received.file) return render(req, res, 400, [{ field, code: 'tools:errors.required' }]);
    const result = await services.referenceDocuments.replace(kind, received.file, staffContext(req));
    if (!result.ok) return render(req, res, 400, [{ field: `file-${kind}`, code: result.code }]);
    req.session.flashMessage = { key: 'tools:uploaded' };
    res.redirect(303, '/staff/tools');
  });

  return router;
}
