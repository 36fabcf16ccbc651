import express from 'express';
import type { Services } from '../services/index.ts';
import { publicRoutes } from './public/index.ts';
import { staffLoginRoutes } from './staff/loginController.ts';
import { adminStaffRoutes } from './admin/staffController.ts';
import { adminAuditRoutes } from './admin/auditController.ts';
import { adminOutboxRoutes } from './admin/outboxController.ts';
import { adminSatisfactionRoutes } from './admin/satisfactionController.ts';
import { adminIndicatorsRoutes } from './admin/indicatorsController.ts';
import { staffPasswordRoutes } from './staff/passwordController.ts';
import { receptionRoutes } from './staff/index.ts';
import { researchRoutes } from './research/index.ts';
import { committeeRoutes } from './committee/index.ts';
import { accountRoutes } from './account/index.ts';
import { applyRoutes } from './apply/index.ts';
import { personalDataRoutes } from './personalDataRoutes.ts';
import { suggestionRoutes } from './public/suggestionsController.ts';
import { staffSuggestionRoutes } from './staff/suggestionsController.ts';

export function routes(services: Services) {
  const router = express.Router();
  router.use(publicRoutes(services));
  router.use(staffLoginRoutes(services));
  router.use(staffPasswordRoutes(services));
  router.use(adminStaffRoutes(services));
  router.use(adminAuditRoutes(services));
  router.use(adminOutboxRoutes(services));
  router.use(adminSatisfactionRoutes(services));
  router.use(adminIndicatorsRoutes(services));
  router.use(receptionRoutes(services));
  router.use(suggestionRoutes(services));
  router.use(staffSuggestionRoutes(services));
  router.use(researchRoutes(services));
  router.use(committeeRoutes(services));
  router.use(personalDataRoutes(services));
  router.use(accountRoutes(services));
  router.use(applyRoutes(services));
  return router;
}
