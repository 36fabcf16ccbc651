import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';

/**
 * Multipart forms (the upload forms) are read here, before the CSRF check, so their token travels in the body like
 * every other form's and never in the address. Files stay in memory: nothing reaches the disk until a route has
 * judged the file, so a refused request leaves nothing behind.
 *
 * Only a session that was given a form (it holds a CSRF token) may make us read a file; anyone else is refused
 * by the CSRF check without the body being read.
 */
export function parseMultipart(options: { maxUploadBytes: number }) {
  const receive = multer({
    storage: multer.memoryStorage(),
    // One file a form; a few text fields beside it.
    limits: { fileSize: options.maxUploadBytes, files: 1, fields: 50, parts: 51, fieldSize: 200 * 1024 },
    // Browsers send file names as UTF-8 without saying so; multer's default would read an Arabic name as Latin-1.
    defParamCharset: 'utf8',
  }).any();

  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data') || !req.session?.csrfToken) return next();
    try {
      receive(req, res, (error: unknown) => {
        // A limit (a file too large, too many files) is the route's to explain on its own page, once the token is checked.
        if (error instanceof multer.MulterError) req.uploadError = error;
        else if (error) return next(Object.assign(error as Error, { status: 400 }));
        next();
      });
    } catch (error) {
      next(error);
    }
  };
}
