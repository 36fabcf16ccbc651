import express from 'express';
import type { Services } from '../../services/index.ts';
import { accountAuthRoutes } from './authController.ts';
import { accountRequestRoutes } from './requestsController.ts';
import { accountQuestionRoutes } from './questionsController.ts';
import { accountRatingRoutes } from './ratingController.ts';
import { accountMobileRoutes } from './mobileController.ts';

export function accountRoutes(services: Services) {
  const router = express.Router();
  router.use(accountAuthRoutes(services));
  router.use(accountRequestRoutes(services));
  router.use(accountQuestionRoutes(services));
  router.use(accountRatingRoutes(services));
  router.use(accountMobileRoutes(services));
  return router;
}
