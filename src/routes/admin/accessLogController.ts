import { addDays, startOfDayIn, type IsoDate } from '../../domain/dates.ts';
import express from 'express';
import { z } from 'zod';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { ACCESS_LOG_PAGE_SIZE, type AccessLogQuery } from '../../services/accessLogService.ts';
import { normalizeNumberInput } from '../../domain/digits.ts';
import { formatReference, parseReference } from '../../domain/referenceNumber.ts';
import { formState, type FieldError } from '../forms.ts';
import { staffContext } from '../context.ts';
import { dateErrors } from './auditController.ts';

const typed = (max: number) => z.string().max(max).optional().catch(undefined);
const querySchema = z.object({
  nationalId: typed(40),
  reference: typed(40),
  from: typed(20),
  to: typed(20),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const clean = (value?: string) => (value && value.trim() ? value.trim() : undefined);

/** The person searched for, from whichever of the two fields was filled in (the ID wins if both were). */
function subjectQuery(
  nationalId: string | undefined,
  reference: string | undefined,
): { query?: AccessLogQuery; errors: FieldError[] } {
  if (nationalId !== undefined) {
    const digits = normalizeNumberInput(nationalId);
    return /^\d{10}$/.test(digits)
      ? { query: { by: 'national_id', nationalId: digits }, errors: [] }
      : { errors: [{ field: 'nationalId', code: 'admin:accessLog.errors.nationalId' }] };
  }
  if (reference !== undefined) {
    const parsed = parseReference(reference);
    return parsed
      ? {
          query: {
            by: 'reference',
            reference: formatReference(parsed.prefix, parsed.year, parsed.seq),
          },
          errors: [],
        }
      : { errors: [{ field: 'reference', code: 'admin:accessLog.errors.reference' }] };
  }
  return { errors: [] };
}

/** Who read a beneficiary's file or documents: the same readers as the audit log. */
export function adminAccessLogRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/access-log', requireRole('admin', 'manager'), async (req, res) => {
    const filter = querySchema.parse(req.query);
    const from = clean(filter.from);
    const to = clean(filter.to);
    const subject = subjectQuery(clean(filter.nationalId), clean(filter.reference));
    const errors = [...subject.errors, ...dateErrors(from, to)];
    const result =
      errors.length === 0 && subject.query
        ? await services.accessLog.search(
            staffContext(req),
            subject.query,
            {
              from: from ? startOfDayIn(from as IsoDate, services.config.timeZone) : undefined,
              to: to ? startOfDayIn(addDays(to as IsoDate, 1), services.config.timeZone) : undefined,
            },
            filter.page,
          )
        : undefined;
    const kept = Object.entries({
      nationalId: filter.nationalId,
      reference: filter.reference,
      from: filter.from,
      to: filter.to,
    }).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    res.status(errors.length > 0 ? 400 : 200).render('pages/admin/accessLog', {
      pageTitleKey: 'admin:accessLog.title',
      filter,
      form: formState({}, errors),
      searched: result !== undefined,
      result,
      page: filter.page,
      pageCount: Math.max(1, Math.ceil((result?.total ?? 0) / ACCESS_LOG_PAGE_SIZE)),
      hrefFor: (page: number) =>
        `/admin/access-log?${new URLSearchParams([...kept, ['page', String(page)]])}`,
    });
  });
  return router;
}
