import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import type { QueueResult } from '../../services/committeeService.ts';
import type { BodyMemo } from '../../middleware/setUpViews.ts';
import { queueQuerySchema } from './committeeSchemas.ts';
import { dualDateFormatter } from './viewHelpers.ts';

/**
 * The service hands back the same result object while the page's data is unchanged (and within
 * the minute), so the rendered body is kept with it and goes when it goes.
 */
function queueBodyMemo(
  rendered: WeakMap<QueueResult, Map<string, string>>,
  result: QueueResult,
  key: string,
): BodyMemo {
  return {
    get: () => rendered.get(result)?.get(key),
    set: (body) => {
      const bodies = rendered.get(result) ?? new Map<string, string>();
      bodies.set(key, body);
      rendered.set(result, bodies);
    },
  };
}

export function queueRoutes(services: Services) {
  const router = express.Router();
  const renderedQueues = new WeakMap<QueueResult, Map<string, string>>();
  router.get(
    '/committee',
    requireRole('committee_member', 'committee_chair', 'manager'),
    async (req, res) => {
      const query = queueQuerySchema.parse(req.query);
      const city =
        query.city && services.config.serviceCities.includes(query.city) ? query.city : undefined;
      const supportType =
        query.supportType && services.config.supportTypes.includes(query.supportType)
          ? query.supportType
          : undefined;
      const result = await services.committee.queue({
        view: query.view,
        city,
        supportType,
        overdue: query.overdue,
        page: query.page,
      });
      const kept = new URLSearchParams(
        Object.entries({
          view: query.view,
          city,
          supportType,
          overdue: query.overdue ? 'yes' : undefined,
        }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const page = Math.min(query.page, result.pageCount);
      res.render('pages/committee/queue', {
        bodyMemo: queueBodyMemo(
          renderedQueues,
          result,
          `${req.language} ${kept.toString()} ${page}`,
        ),
        pageTitleKey: 'committee:queue.title',
        filter: { view: query.view, city, supportType, overdue: query.overdue },
        cities: services.config.serviceCities,
        supportTypes: services.config.supportTypes,
        rows: result.rows,
        total: result.total,
        page,
        pageCount: result.pageCount,
        hrefFor: (page: number) =>
          `/committee?${new URLSearchParams([...kept, ['page', String(page)]])}`,
        dualDate: dualDateFormatter(req),
      });
    },
  );
  return router;
}
