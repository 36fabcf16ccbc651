import express from 'express';
import type { Services } from '../../services/index.ts';

// The online application: filled in by the beneficiary-journey work.
export function applyRoutes(_services: Services) {
  return express.Router();
}
