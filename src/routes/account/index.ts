import express from 'express';
import type { Services } from '../../services/index.ts';

// Beneficiary accounts: filled in by the beneficiary-journey work.
export function accountRoutes(_services: Services) {
  return express.Router();
}
