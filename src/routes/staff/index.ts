import express from 'express';
import type { Services } from '../../services/index.ts';
import { receptionDeskRoutes } from './receptionController.ts';
import { requestRoutes } from './requestController.ts';
import { walkInFormRoutes } from './walkInFormController.ts';
import { staffQuestionRoutes } from './questionsController.ts';
import { staffToolsRoutes } from './toolsController.ts';
import { accountAccessRoutes } from './accountAccessController.ts';
import { staffDocumentRoutes } from './documentController.ts';

/** The relations officers' screens: reception desk, walk-in forms, the request file and its actions. */
export function receptionRoutes(services: Services) {
  const router = express.Router();
  router.use(staffToolsRoutes(services));
  router.use(receptionDeskRoutes(services));
  router.use(walkInFormRoutes(services));
  router.use(requestRoutes(services));
  router.use(staffDocumentRoutes(services));
  router.use(staffQuestionRoutes(services));
  router.use(accountAccessRoutes(services));
  return router;
}
