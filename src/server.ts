import { loadConfig, ConfigError } from './config.ts';
import { dataAccess } from './data/index.ts';
import { services as createServices } from './services/index.ts';
import { createI18n } from './i18n.ts';
import { createLogger } from './logger.ts';
import { createApp } from './app.ts';
import { startBackgroundJobs } from './jobs.ts';
import { createHttpServer } from './httpServer.ts';
import { startupWarnings } from './startupWarnings.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // On stderr rather than through the logger: it must be seen even with LOG_LEVEL=silent.
  for (const warning of startupWarnings(config)) console.warn(`\n${warning}\n`);
  const data = await dataAccess({ databaseUrl: config.databaseUrl, readCacheTtlMs: config.readCacheTtlMs });
  const i18n = await createI18n();
  const services = createServices(data, config, { translate: i18n.getFixedT('ar') });

  const bootstrap = await services.staffAdmin.ensureBootstrapAdmin(config.bootstrapAdmin);
  if (bootstrap?.generatedPassword) {
    // Printed once, on the first start only: the admin should change it after signing in.
    console.log(
      `\nFirst start: an administrator account was created.\n  e-mail:   ${bootstrap.email}\n  password: ${bootstrap.generatedPassword}\n(set ADMIN_EMAIL and ADMIN_PASSWORD to choose them instead)\n`,
    );
  } else if (bootstrap) {
    logger.info({ email: bootstrap.email }, 'administrator account created from ADMIN_EMAIL');
  }

  // Files left by a crash between writing a file and its row.
  const orphans = await services.storedFiles.sweepOrphans();
  if (orphans > 0) logger.info({ removed: orphans }, 'removed uploaded files that no record points to');

  const app = createApp(services, { i18n, logger, logRequests: config.logLevel === 'debug' || config.logLevel === 'trace' });
  const stopJobs = startBackgroundJobs(services, logger);
  const server = createHttpServer(app, config.serverTimeouts).listen(config.port, () => {
    logger.info(`Tayseer is listening on http://localhost:${config.port}`);
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopJobs();
    server.close(() => {
      void data.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
