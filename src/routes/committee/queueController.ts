import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { queueQuerySchema } from './committeeSchemas.ts';
import { dualDateFormatter } from './viewHelpers.ts';

export function queueRoutes(services: Services) {
  const router = express.Router();
  router.get('/committee', requireRole('committee_member', 'committee_chair', 'manager'), async (req, res) => {
    const query = queueQuerySchema.parse(req.query);
    const city = query.city && services.config.serviceCities.includes(query.city) ? query.city : undefined;
    const supportType = query.supportType && services.config.supportTypes.includes(query.supportType) ? query.supportType : undefined;
    const result = await services.committee.queue({ view: query.view, city, supportType, overdue: query.overdue, page: query.page });
    const kept = new URLSearchParams(
      Object.entries({ view: query.view, city, supportType, overdue: query.overdue ? 'yes' : undefined }).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    res.render('pages/committee/queue', {
      pageTitleKey: 'committee:queue.title',
      filter: { view: query.view, city, supportType, overdue: query.overdue },
      cities: services.config.serviceCities,
      supportTypes: services.config.supportTypes,
      rows: result.rows,
      total: result.total,
      page: Math.min(query.page, result.pageCount),
      pageCount: result.pageCount,
      hrefFor: (page: number) => `/committee?${new URLSearchParams([...kept, ['page', String(page)]])}`,
      dualDate: dualDateFormatter(req),
    });
  });
  return router;
}
