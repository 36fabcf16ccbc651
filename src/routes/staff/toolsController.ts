import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { isReferenceDocumentKind } from '../../domain/referenceDocuments.ts';
import { hasAnyRole } from '../../domain/roles.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { staffContext } from '../context.ts';
import { dualDate } from '../apply/dualDate.ts';
import type { FieldError } from '../forms.ts';
import { singleFileUploads } from '../uploads.ts';

/** The policy's tools at hand for every staff member; admins keep the documents current. */
export function staffToolsRoutes(services: Services) {
  const router = express.Router();
  const upload = singleFileUploads(services.config.maxUploadBytes, 5);

  async function render(req: Request, res: Response, status = 200, errors: FieldError[] = []) {
    const staff = req.staff!;
    res.status(status).render('pages/staff/tools', {
      pageTitleKey: 'tools:title',
      tools: await services.referenceDocuments.list(),
      canUpload: hasAnyRole(staff.roles, ['admin']),
      canOpenRequestForm: hasAnyRole(staff.roles, ['relations_officer']),
      maxMegabytes: Math.round(services.config.maxUploadBytes / 1024 / 1024),
      csrf: res.locals.csrfToken(),
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
    if (!opened) return notFoundHandler(req, res);
    res.set({
      'Content-Type': opened.document.mimeType,
      // Inline: a guide is read in the browser's PDF viewer; the name is kept for saving it.
      'Content-Disposition': `inline; filename="${kind}.pdf"; filename*=UTF-8''${encodeURIComponent(opened.document.originalName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    res.send(opened.bytes);
  });

  // Multer's own errors (a file over the limit) become an error on the same page.
  // Each document has its own form and field, so an error is shown next to the right one.
  const receiveFile = (req: Request, res: Response, next: NextFunction) => {
    const kind = req.params.kind;
    if (!isReferenceDocumentKind(kind)) return notFoundHandler(req, res);
    upload.single(`file-${kind}`)(req, res, (error: unknown) => {
      if (!error) return next();
      const code =
        error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE'
          ? 'tools:errors.tooLarge'
          : 'tools:errors.upload';
      void render(req, res, 400, [{ field: `file-${kind}`, code }]);
    });
  };

  router.post('/staff/tools/:kind', requireRole('admin'), receiveFile, async (req, res) => {
    const kind = req.params.kind;
    if (!isReferenceDocumentKind(kind)) return notFoundHandler(req, res);
    if (!req.file)
      return render(req, res, 400, [{ field: `file-${kind}`, code: 'tools:errors.required' }]);
    const result = await services.referenceDocuments.replace(
      kind,
      { buffer: req.file.buffer, originalName: req.file.originalname },
      staffContext(req),
    );
    if (!result.ok) return render(req, res, 400, [{ field: `file-${kind}`, code: result.code }]);
    req.session.flashMessage = { key: 'tools:uploaded' };
    res.redirect(303, '/staff/tools');
  });

  return router;
}
