import { addDays, isValidIso, startOfDayIn, type IsoDate } from '../../domain/dates.ts';
import { isLoopbackAddress } from '../../domain/formatting.ts';
import express from 'express';
import { z } from 'zod';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { AUDIT_PAGE_SIZE } from '../../services/auditService.ts';
import { formState, type FieldError } from '../forms.ts';

// Kept as typed (up to a length) so an impossible date is shown back with its message, never parsed.
const isoDay = z.string().max(20).optional().catch(undefined);
const filterSchema = z.object({
  action: z.string().max(100).optional().catch(undefined),
  actor: z.string().max(254).optional().catch(undefined),
  entityType: z.string().max(50).optional().catch(undefined),
  entityId: z.string().max(50).optional().catch(undefined),
  from: isoDay,
  to: isoDay,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The date range of a filter: each day must exist, and the first must not follow the last. */
export function dateErrors(from: string | undefined, to: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (from !== undefined && !isValidIso(from)) errors.push({ field: 'from', code: 'admin:audit.dateErrors.invalid' });
  if (to !== undefined && !isValidIso(to)) errors.push({ field: 'to', code: 'admin:audit.dateErrors.invalid' });
  if (errors.length === 0 && from !== undefined && to !== undefined && from > to) {
    errors.push({ field: 'from', code: 'admin:audit.dateErrors.order' });
  }
  return errors;
}

const clean = (value?: string) => (value && value.trim() ? value.trim() : undefined);

/**
 * The page's query as a repository filter, with the problems of its dates; the CSV export reads the
 * same query the same way. `search` is only meaningful when `errors` is empty.
 */
export function auditFilterFrom(query: unknown, timeZone: string) {
  const filter = filterSchema.parse(query);
  const from = clean(filter.from);
  const to = clean(filter.to);
  const errors = dateErrors(from, to);
  return {
    filter,
    errors,
    search: {
      action: clean(filter.action),
      actorLabel: clean(filter.actor),
      entityType: clean(filter.entityType),
      entityId: clean(filter.entityId),
      // Days are the association's days, so "from 1 March" starts at midnight in its time zone.
      from: from && errors.length === 0 ? startOfDayIn(from as IsoDate, timeZone) : undefined,
      to: to && errors.length === 0 ? startOfDayIn(addDays(to as IsoDate, 1), timeZone) : undefined,
    },
  };
}

export function adminAuditRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/audit', requireRole('admin', 'manager'), async (req, res) => {
    const { filter, errors, search } = auditFilterFrom(req.query, services.config.timeZone);
    const { entries, total } = errors.length > 0 ? { entries: [], total: 0 } : await services.audit.search(search, filter.page);
    const query = new URLSearchParams(
      Object.entries({ action: filter.action, actor: filter.actor, entityType: filter.entityType, entityId: filter.entityId, from: filter.from, to: filter.to })
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
    );
    res.status(errors.length > 0 ? 400 : 200).render('pages/admin/audit', {
      pageTitleKey: 'admin:audit.title',
      entries,
      filter,
      form: formState({}, errors),
      isLocalMachine: isLoopbackAddress,
      actions: await services.audit.actions(),
      page: filter.page,
      pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      hrefFor: (page: number) => `/admin/audit?${new URLSearchParams([...query, ['page', String(page)]])}`,
    });
  });
  return router;
}
