import express from 'express';
import type { Services } from '../../services/index.ts';
export function accountRequestRoutes(_services: Services) {
  return express.Router();
}
