import path from 'node:path';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { i18n } from 'i18next';
import type { Services } from './services/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { setUpSecurity } from './middleware/setUpSecurity.ts';
import { setUpI18n } from './middleware/setUpI18n.ts';
import { setUpFormatting } from './middleware/setUpFormatting.ts';
import { setUpSession } from './middleware/setUpSession.ts';
import { setUpCsrf } from './middleware/setUpCsrf.ts';
import { parseMultipart } from './middleware/parseMultipart.ts';
import { noStoreWhenSignedIn } from './middleware/noStoreWhenSignedIn.ts';
import { setUpViews } from './middleware/setUpViews.ts';
import { setUpLocals, showFlashMessage } from './middleware/setUpLocals.ts';
import { loadStaff } from './middleware/requireRole.ts';
import { loadBeneficiary } from './middleware/requireBeneficiary.ts';
import { publicPageCache } from './middleware/publicPageCache.ts';
import { errorHandler, notFoundHandler } from './middleware/errorHandler.ts';
import { healthRoutes } from './routes/public/index.ts';
import { routes } from './routes/index.ts';
import { nafathCallbackRoutes } from './routes/account/nafathController.ts';

export interface AppOptions {
  i18n: i18n;
  logger?: Logger;
  /** Per-request access logs; off in tests. */
  logRequests?: boolean;
}

export function createApp(services: Services, options: AppOptions) {
  const { config } = services;
  const logger = options.logger ?? createLogger(config.logLevel);
  const app = express();

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ? 1 : false);
  setUpViews(app, config);

  app.use(setUpSecurity(config));
  app.use('/public', express.static(path.resolve('public'), { maxAge: config.production ? '7d' : 0, index: false }));
  app.use(healthRoutes(services));
  app.use(nafathCallbackRoutes(services));
  if (options.logRequests) app.use(pinoHttp({ logger }));
  app.use(setUpI18n(options.i18n, { secureCookies: config.production }));
  // Right after the language is known: a cached start page needs no formatter, locals or body parser.
  app.use(publicPageCache({ enabled: config.production }));
  app.use(setUpFormatting(options.i18n, config.timeZone));
  app.use(setUpLocals(config));
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  app.use(setUpSession(services.sessionStore, config));
  app.use(noStoreWhenSignedIn);
  app.use(parseMultipart(config));
  app.use(setUpCsrf());
  app.use(loadStaff(services));
  app.use(loadBeneficiary(services));
  app.use(showFlashMessage);
  app.use(routes(services));
  app.use(notFoundHandler);
  app.use(errorHandler(config.production, logger));
  return app;
}
