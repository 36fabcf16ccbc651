import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { NotFoundError } from '../../services/errors.ts';
import { authorityClock, authorityDeadline } from '../../domain/breach.ts';
import { isValidIso, wallClockIn, type IsoDate } from '../../domain/dates.ts';
import { foldDigits } from '../../domain/digits.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';

/** A typed date and time (the <input type="datetime-local"> format) read as the association's wall-clock time. */
const wallClockInstant = (value: string, timeZone: string) => {
  const [day = '', time = ''] = value.split('T');
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return isValidIso(day) && hour < 24 && minute < 60 ? wallClockIn(day as IsoDate, hour * 60 + minute, timeZone) : new Date(Number.NaN);
};
const recordSchema = (timeZone: string) => z.object({
  title: z.string({ error: 'privacy:breach.errors.titleRequired' }).trim().min(1, 'privacy:breach.errors.titleRequired').max(200, 'privacy:breach.errors.titleTooLong'),
  description: z.string({ error: 'privacy:breach.errors.descriptionRequired' }).trim().min(1, 'privacy:breach.errors.descriptionRequired').max(5000, 'privacy:breach.errors.descriptionTooLong'),
  discoveredAt: z
    .string({ error: 'privacy:breach.errors.discoveredRequired' })
    .transform((value) => foldDigits(value.trim()))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'privacy:breach.errors.discoveredInvalid'))
    .transform((value) => wallClockInstant(value, timeZone))
    .refine((date) => !Number.isNaN(date.getTime()), 'privacy:breach.errors.discoveredInvalid'),
});

/** The breach register (admins): incidents, the 72-hour clock, affected beneficiaries and their notices. */
export function adminBreachRoutes(services: Services) {
  const router = express.Router();
  const { breaches } = services;
  router.use('/admin/breaches', requireRole('admin'));

  const renderList = async (req: Request, res: Response, status = 200, values: Record<string, unknown> = {}, errors: FieldError[] = []) => {
    const now = services.clock.now();
    res.status(status).render('pages/admin/breaches', {
      pageTitleKey: 'privacy:breach.title',
      incidents: (await breaches.list()).map((incident) => ({ ...incident, clock: authorityClock(incident, now), discovered: req.format.dateTime(incident.discoveredAt) })),
      form: formState(values, errors),
    });
  };

  router.get('/admin/breaches', (req, res) => renderList(req, res));

  router.post('/admin/breaches', async (req, res) => {
    const typed = keepTyped(req.body, ['title', 'description', 'discoveredAt']);
    const form = parseForm(recordSchema(services.config.timeZone), req.body);
    if (!form.ok) return renderList(req, res, 400, typed, form.errors);
    if (form.data.discoveredAt.getTime() > services.clock.now().getTime()) return renderList(req, res, 400, typed, [{ field: 'discoveredAt', code: 'privacy:breach.errors.discoveredFuture' }]);
    const incident = await breaches.record(staffContext(req), form.data);
    res.redirect(303, `/admin/breaches/${incident.id}`);
  });

  router.get('/admin/breaches/:id', async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) throw new NotFoundError();
    const { incident, affected } = await breaches.get(id);
    const query = typeof req.query.q === 'string' ? foldDigits(req.query.q.trim()).slice(0, 100) : '';
    res.render('pages/admin/breach', {
      pageTitle: req.t('privacy:breach.incidentTitle', { id: incident.id }),
      backLink: '/admin/breaches',
      incident,
      affected,
      clock: authorityClock(incident, services.clock.now()),
      deadline: req.format.dateTime(authorityDeadline(incident.discoveredAt)),
      discovered: req.format.dateTime(incident.discoveredAt),
      notified: req.format.dateTime(incident.authorityNotifiedAt),
      query,
      results: query.length >= 3 ? await breaches.search(staffContext(req), id, query) : [],
      unnotified: affected.filter((row) => !row.noticeQueuedAt).length,
    });
  });

  const action = (path: string, run: (req: Request, id: number) => Promise<unknown>, flash: string) =>
    router.post(`/admin/breaches/:id/${path}`, async (req, res) => {
      const id = parseId(req.params.id);
      if (!id) throw new NotFoundError();
      const result = await run(req, id);
      req.session.flashMessage = { key: flash, params: typeof result === 'number' ? { count: result } : {} };
      res.redirect(303, `/admin/breaches/${id}`);
    });

  action('affected', (req, id) => {
    const beneficiaryId = parseId((req.body as Record<string, unknown> | undefined)?.beneficiaryId);
    if (!beneficiaryId) throw new NotFoundError();
    return breaches.addAffected(staffContext(req), id, beneficiaryId);
  }, 'privacy:breach.added');
  action('authority-notified', (req, id) => breaches.markAuthorityNotified(staffContext(req), id), 'privacy:breach.authorityRecorded');
  action('notices', (req, id) => breaches.notifyAffected(staffContext(req), id), 'privacy:breach.noticesQueued');

  return router;
}
