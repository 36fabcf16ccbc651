import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const PLAIN_TEXT_APOLOGY = 'عذرًا، حدثت مشكلة في الخدمة. حاول مرة أخرى لاحقًا.';

export function notFoundHandler(_req: Request, res: Response) {
  res.status(404).render('pages/errors/notFound', { pageTitleKey: 'errors:pages.notFound.title' });
}

type HttpError = Error & { status?: number; statusCode?: number; code?: string; type?: string };

/** Multer's refusals carry a code but no status. */
const MULTER_STATUSES: Record<string, number> = {
  LIMIT_FILE_SIZE: 413,
  LIMIT_PART_COUNT: 413,
  LIMIT_FILE_COUNT: 413,
  LIMIT_FIELD_KEY: 413,
  LIMIT_FIELD_VALUE: 413,
  LIMIT_FIELD_COUNT: 413,
  LIMIT_UNEXPECTED_FILE: 400,
  MISSING_FIELD_NAME: 400,
};

function statusOf(error: HttpError): number {
  const status = error.status ?? error.statusCode ?? (error.code ? MULTER_STATUSES[error.code] : undefined) ?? 500;
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

/** Which page explains a refused request: a file over the limit, too much form data, or a request we could not read. */
function clientErrorPage(status: number, error: HttpError): string {
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 413) return error.code === 'LIMIT_FILE_SIZE' ? 'tooLarge' : 'requestTooLarge';
  return 'badRequest';
}

export function errorHandler(production: boolean, logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return (error: HttpError, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const status = statusOf(error);
    const clientError = status < 500;
    if (!clientError) logger.error({ err: error, url: req.originalUrl, method: req.method }, 'unhandled error');
    const page = clientError ? clientErrorPage(status, error) : 'serverError';
    res.status(status).render(
      `pages/errors/${page}`,
      { pageTitleKey: `errors:pages.${page}.title`, stack: production || clientError ? null : error.stack },
      (renderError: Error | null, html?: string) => {
        // The error page itself failed: answer in plain text rather than with Express's default page and its stack.
        if (renderError) {
          logger.error({ err: renderError }, 'error page failed to render');
          return res.type('text/plain; charset=utf-8').send(PLAIN_TEXT_APOLOGY);
        }
        res.send(html);
      },
    );
  };
}
