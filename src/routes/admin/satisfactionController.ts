import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { todayIso } from '../../domain/dates.ts';
import { COMMENTS_MIN_RATINGS, parseRatingPeriod, ratingPeriodStart } from '../../domain/rating.ts';

const monthOf = (periodStart: Date) => periodStart.toISOString().slice(0, 7);

/** Aggregates only, one month at a time: the policy treats ratings as a tool for improvement, so no rating is shown with its author. */
export function adminSatisfactionRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/satisfaction', requireRole('manager', 'admin'), async (req, res) => {
    const period = parseRatingPeriod(req.query.period) ?? ratingPeriodStart(todayIso(services.clock.now(), services.config.timeZone));
    const summary = await services.ratings.summary(period);
    const average = (value: number | null) => (value == null ? '—' : req.format.decimal(value, 1));
    const previous = new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() - 1, 1));
    const next = new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() + 1, 1));
    res.render('pages/admin/satisfaction', {
      pageTitleKey: 'feedback:satisfaction.title',
      summary,
      average,
      percent: (count: number) => (summary.count === 0 ? 0 : Math.round((count / summary.count) * 100)),
      period: monthOf(period),
      previousPeriod: monthOf(previous),
      nextPeriod: next <= ratingPeriodStart(todayIso(services.clock.now(), services.config.timeZone)) ? monthOf(next) : null,
      commentsMinimum: COMMENTS_MIN_RATINGS,
    });
  });
  return router;
}
