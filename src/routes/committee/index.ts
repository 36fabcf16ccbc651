import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';

// Committee queue: filled in by the committee work.
export function committeeRoutes(_services: Services) {
  const router = express.Router();
  router.get('/committee', requireRole('committee_member', 'committee_chair', 'manager'), (_req, res) => {
    res.render('pages/committee/queue', { pageTitleKey: 'committee:queue.title' });
  });
  return router;
}
