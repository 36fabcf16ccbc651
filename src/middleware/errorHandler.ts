import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export function notFoundHandler(_req: Request, res: Response) {
  res.status(404).render('pages/errors/notFound', { pageTitleKey: 'errors:pages.notFound.title' });
}

export function errorHandler(production: boolean, logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return (error: Error & { status?: number; statusCode?: number; code?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (res.headersSent) return;
    if (status === 403) {
      return res.status(403).render('pages/errors/forbidden', { pageTitleKey: 'errors:pages.forbidden.title' });
    }
    if (status === 413 || error.code === 'LIMIT_FILE_SIZE') {
      return res.status(413).render('pages/errors/tooLarge', { pageTitleKey: 'errors:pages.tooLarge.title' });
    }
    if (status >= 400 && status < 500) {
      return res.status(status === 404 ? 404 : 400).render(status === 404 ? 'pages/errors/notFound' : 'pages/errors/badRequest', {
        pageTitleKey: status === 404 ? 'errors:pages.notFound.title' : 'errors:pages.badRequest.title',
      });
    }
    logger.error({ err: error, url: req.originalUrl, method: req.method }, 'unhandled error');
    res.status(500).render(
      'pages/errors/serverError',
      { pageTitleKey: 'errors:pages.serverError.title', stack: production ? null : error.stack },
      (renderError: Error | null, html?: string) => {
        // The error page itself failed: answer in plain text rather than with Express's default page and its stack.
        if (renderError) {
          logger.error({ err: renderError }, 'error page failed to render');
          return res.type('text/plain; charset=utf-8').send('عذرًا، حدثت مشكلة في الخدمة. حاول مرة أخرى لاحقًا.');
        }
        res.send(html);
      },
    );
  };
}
