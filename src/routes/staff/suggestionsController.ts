import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { CHANNELS } from '../../domain/channels.ts';
import { formState, keepTyped, type FieldError } from '../forms.ts';
import { parseId, staffContext } from '../context.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';
import { redirectWithFlash, viewFormatters } from './caseworkHelpers.ts';

/** Suggestions and complaints for staff, and the log of inquiries from people not on file. */
export function staffSuggestionRoutes(services: Services) {
  const router = express.Router();
  const office = requireRole('relations_officer', 'manager');
  const { suggestionsAndComplaints, reception } = services;

  router.get('/staff/feedback', office, async (req, res) => {
    const { items, staffNames } = await suggestionsAndComplaints.list();
    res.render('pages/staff/suggestions', { pageTitleKey: 'feedback:staffCases.title', items, staffNames, ...viewFormatters(req) });
  });

  async function renderCase(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[]) {
    const id = parseId(req.params.id);
    const found = id ? await suggestionsAndComplaints.get(id) : null;
    if (!found) return notFoundHandler(req, res);
    res.status(status).render('pages/staff/suggestion', {
      pageTitle: req.t('feedback:staffCases.caseTitle', { reference: found.item.reference ?? '' }),
      backLink: '/staff/feedback',
      ...found,
      form: formState(values, errors),
      ...viewFormatters(req),
    });
  }

  router.get('/staff/feedback/:id', office, (req, res) => renderCase(req, res, 200, {}, []));

  router.post('/staff/feedback/:id/reply', office, async (req, res) => {
    const id = parseId(req.params.id);
    if (!id) return notFoundHandler(req, res);
    const typed = keepTyped(req.body, ['reply']);
    const outcome = await suggestionsAndComplaints.reply(id, typed.reply, staffContext(req));
    if (!outcome.ok) return outcome.status === 404 ? notFoundHandler(req, res) : renderCase(req, res, outcome.status, typed, outcome.errors);
    redirectWithFlash(req, res, `/staff/feedback/${id}`, 'feedback:flash.replied');
  });

  const INQUIRY_FIELDS = ['channel', 'subject', 'answer', 'callerName', 'callerPhone'];
  async function renderInquiry(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[]) {
    res.status(status).render('pages/staff/inquiryNotOnFile', {
      pageTitleKey: 'staff:inquiryNotOnFile.title',
      backLink: '/staff',
      channels: CHANNELS,
      recent: await reception.inquiriesNotOnFile(),
      form: formState(values, errors),
      ...viewFormatters(req),
    });
  }

  router.get('/staff/inquiries/new', office, (req, res) => renderInquiry(req, res, 200, {}, []));

  router.post('/staff/inquiries', office, async (req, res) => {
    const typed = keepTyped(req.body, INQUIRY_FIELDS);
    const result = await reception.recordInquiryNotOnFile({ channel: typed.channel, subject: typed.subject, answer: typed.answer, callerName: typed.callerName, callerPhone: typed.callerPhone }, staffContext(req));
    if (!result.ok) return renderInquiry(req, res, 400, typed, result.errors);
    redirectWithFlash(req, res, '/staff/inquiries/new', 'staff:flash.inquiryRecorded');
  });

  return router;
}
