import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { dualDate } from '../apply/dualDate.ts';

/** Aggregates only: the policy treats ratings as a tool for improvement, so no rating is shown with its author. */
export function adminSatisfactionRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/satisfaction', requireRole('manager', 'admin'), async (req, res) => {
    const summary = await services.ratings.summary();
    const average = (value: number | null) => (value == null ? '—' : req.format.decimal(value, 1));
    res.render('pages/admin/satisfaction', {
      pageTitleKey: 'feedback:satisfaction.title',
      summary,
      average,
      percent: (count: number) => (summary.count === 0 ? 0 : Math.round((count / summary.count) * 100)),
      dayOf: (value: Date) => dualDate(req, value),
    });
  });
  return router;
}
