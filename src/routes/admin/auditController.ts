import { addDays, isValidIso, startOfDayIn } from '../../domain/dates.ts';
import { isLoopbackAddress } from '../../domain/formatting.ts';
import express from 'express';
import { z } from 'zod';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { AUDIT_PAGE_SIZE } from '../../services/auditService.ts';

const isoDay = z.string().refine(isValidIso).optional().catch(undefined);
const filterSchema = z.object({
  action: z.string().max(100).optional().catch(undefined),
  actor: z.string().max(254).optional().catch(undefined),
  entityType: z.string().max(50).optional().catch(undefined),
  entityId: z.string().max(50).optional().catch(undefined),
  from: isoDay,
  to: isoDay,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function adminAuditRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/audit', requireRole('admin', 'manager'), async (req, res) => {
    const filter = filterSchema.parse(req.query);
    const clean = (value?: string) => (value && value.trim() ? value.trim() : undefined);
    const { entries, total } = await services.audit.search(
      {
        action: clean(filter.action),
        actorLabel: clean(filter.actor),
        entityType: clean(filter.entityType),
        entityId: clean(filter.entityId),
        from: filter.from ? startOfDayIn(filter.from, services.config.timeZone) : undefined,
        to: filter.to ? startOfDayIn(addDays(filter.to, 1), services.config.timeZone) : undefined,
      },
      filter.page,
    );
    const query = new URLSearchParams(
      Object.entries({ action: filter.action, actor: filter.actor, entityType: filter.entityType, entityId: filter.entityId, from: filter.from, to: filter.to })
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
    );
    res.render('pages/admin/audit', {
      pageTitleKey: 'admin:audit.title',
      entries,
      filter,
      isLocalMachine: isLoopbackAddress,
      actions: await services.audit.actions(),
      page: filter.page,
      pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      hrefFor: (page: number) => `/admin/audit?${new URLSearchParams([...query, ['page', String(page)]])}`,
    });
  });
  return router;
}
