import express from 'express';
import type { Services } from '../services/index.ts';
import { accountMyDataRoutes } from './account/myDataController.ts';
import { accountDataRequestRoutes } from './account/dataRequestsController.ts';
import { staffDataRequestRoutes } from './staff/dataRequestsController.ts';
import { exportRoutes } from './exportsController.ts';
import { adminProcessingRoutes } from './admin/processingController.ts';
import { adminBreachRoutes } from './admin/breachesController.ts';
import { adminAccessLogRoutes } from './admin/accessLogController.ts';

/** Personal data rights (issue 12): the beneficiary's pages, the staff queue, the admin pages. */
export function personalDataRoutes(services: Services) {
  const router = express.Router();
  router.use(accountMyDataRoutes(services));
  router.use(accountDataRequestRoutes(services));
  router.use(staffDataRequestRoutes(services));
  router.use(exportRoutes(services));
  router.use(adminProcessingRoutes(services));
  router.use(adminBreachRoutes(services));
  router.use(adminAccessLogRoutes(services));
  return router;
}
