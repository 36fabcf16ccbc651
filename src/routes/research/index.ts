import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';

// Social research queue: filled in by the staff-intake work.
export function researchRoutes(_services: Services) {
  const router = express.Router();
  router.get('/research', requireRole('social_researcher'), (_req, res) => {
    res.render('pages/research/queue', { pageTitleKey: 'research:queue.title' });
  });
  return router;
}
