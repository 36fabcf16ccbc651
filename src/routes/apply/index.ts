import express from 'express';
import type { Services } from '../../services/index.ts';
import { applyStartRoutes } from './startController.ts';
import { applyStepRoutes } from './stepsController.ts';
import { applyHouseholdRoutes } from './householdController.ts';
import { applyDocumentRoutes } from './documentsController.ts';
import { applySubmitRoutes } from './submitController.ts';

// The online application; loadBeneficiary runs for every page in app.ts.
export function applyRoutes(services: Services) {
  const router = express.Router();
  router.use(applyStartRoutes(services));
  router.use(applyStepRoutes(services));
  router.use(applyHouseholdRoutes(services));
  router.use(applyDocumentRoutes(services));
  router.use(applySubmitRoutes(services));
  return router;
}
