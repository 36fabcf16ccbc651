import express from 'express';
import type { Services } from '../../services/index.ts';
import { queueRoutes } from './queueController.ts';
import { fileRoutes } from './fileController.ts';
import { registrationRoutes } from './registrationController.ts';
import { serviceDeliveryRoutes } from './serviceDeliveryController.ts';

/** The committee's queue and file, and the registration and service screens that follow a decision. */
export function committeeRoutes(services: Services) {
  const router = express.Router();
  router.use(queueRoutes(services));
  router.use(fileRoutes(services));
  router.use(registrationRoutes(services));
  router.use(serviceDeliveryRoutes(services));
  return router;
}
