import express from 'express';
import { z } from 'zod';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { OUTBOX_PAGE_SIZE } from '../../services/notificationService.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

const filterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function adminOutboxRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/outbox', requireRole('admin'), async (req, res) => {
    const filter = filterSchema.parse(req.query);
    const { messages, total } = await services.notifications.list({ status: filter.status }, filter.page);
    res.render('pages/admin/outbox', {
      pageTitleKey: 'outbox:title',
      messages,
      statuses: OUTBOX_STATUSES,
      filter,
      page: filter.page,
      pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
      hrefFor: (page: number) => `/admin/outbox?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), page: String(page) })}`,
      formatTime: req.format.dateTime,
    });
  });
  return router;
}
