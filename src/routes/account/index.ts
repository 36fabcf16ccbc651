import express from 'express';
import type { Services } from '../../services/index.ts';
import { accountAuthRoutes } from './authController.ts';
import { accountRequestRoutes } from './requestsController.ts';
import { accountQuestionRoutes } from './questionsController.ts';
import { accountRatingRoutes } from './ratingController.ts';
import { accountMobileRoutes } from './mobileController.ts';
import { accountNafathRoutes } from './nafathController.ts';
import { accountReceiptRoutes } from './receiptController.ts';
import { accountProfileRoutes } from './profileController.ts';

export function accountRoutes(services: Services) {
  const router = express.Router();
  router.use(accountNafathRoutes(services));
  router.use(accountAuthRoutes(services));
  router.use(accountRequestRoutes(services));
  router.use(accountQuestionRoutes(services));
  router.use(accountRatingRoutes(services));
  router.use(accountMobileRoutes(services));
  router.use(accountReceiptRoutes(services));
  router.use(accountProfileRoutes(services));
  return router;
}
