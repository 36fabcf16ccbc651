import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';

// Reception desk: filled in by the staff-intake work.
export function receptionRoutes(_services: Services) {
  const router = express.Router();
  router.get('/staff', requireRole('relations_officer', 'manager'), (_req, res) => {
    res.render('pages/staff/reception', { pageTitleKey: 'staff:reception.title' });
  });
  return router;
}
