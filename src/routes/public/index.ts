import express from 'express';
import type { Services } from '../../services/index.ts';
import { periodParts } from '../../domain/retention.ts';

export function publicRoutes(services: Services) {
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.render('pages/home', {
      pageTitleKey: 'home:title',
      responseWindowDays: services.config.responseWindowDays,
      serviceCities: services.config.serviceCities,
    });
  });

  router.get('/privacy', (_req, res) => {
    res.render('pages/privacy', { pageTitleKey: 'privacy:title', retentionRules: services.retention.policy(), periodParts });
  });

  return router;
}

export function healthRoutes(services: Services) {
  const router = express.Router();
  router.get('/healthz', async (_req, res) => {
    const databaseAnswers = await services.databaseAnswers();
    res.status(databaseAnswers ? 200 : 503).json({ status: databaseAnswers ? 'ok' : 'unavailable' });
  });
  return router;
}
