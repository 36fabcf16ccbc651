import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { INDICATOR_PERIODS, type IndicatorPeriod } from '../../services/indicatorService.ts';
import { dualDate } from '../apply/dualDate.ts';

const DEFAULT_PERIOD: IndicatorPeriod = 90;

function periodFrom(value: unknown): IndicatorPeriod {
  const days = Number(value);
  return (INDICATOR_PERIODS as readonly number[]).includes(days)
    ? (days as IndicatorPeriod)
    : DEFAULT_PERIOD;
}

/** Figures only, never people: the same spirit as the satisfaction page. */
export function adminIndicatorsRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/indicators', requireRole('manager', 'admin'), async (req, res) => {
    const summary = await services.indicators.summary(periodFrom(req.query.period));
    res.render('pages/admin/indicators', {
      pageTitleKey: 'indicators:title',
      summary,
      periods: INDICATOR_PERIODS,
      since: dualDate(req, summary.since),
      average: (value: number | null) => (value == null ? null : req.format.decimal(value, 1)),
    });
  });
  return router;
}
