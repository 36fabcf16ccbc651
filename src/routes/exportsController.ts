import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../services/index.ts';
import type { ExportKind } from '../services/exportService.ts';
import { INDICATOR_PERIODS, type IndicatorPeriod } from '../services/indicatorService.ts';
import { requireRole } from '../middleware/requireRole.ts';
import { DEIDENTIFIED_COLUMNS } from '../domain/deidentification.ts';
import { queueQuerySchema } from './committee/committeeSchemas.ts';
import { auditFilterFrom } from './admin/auditController.ts';
import { OUTBOX_STATUSES } from './admin/outboxController.ts';
import { staffContext } from './context.ts';
import { sendCsv, type CsvColumn } from './csvResponse.ts';
import { addDays, isValidIso, startOfDayIn, todayIso, type IsoDate } from '../domain/dates.ts';
import { BadRequestError } from '../services/errors.ts';

// A day that does not exist (2026-99-99) is dropped like a malformed one, never turned into an Invalid Date.
const isoDay = z.string().refine(isValidIso).optional().catch(undefined);
const reportingFilterSchema = z.object({ from: isoDay, to: isoDay });

/**
 * CSV exports of the pages people take figures away from. Each sits beside its page, behind the
 * same roles, reads the same filters, and leaves an audit entry with the row count.
 */
export function exportRoutes(services: Services) {
  const router = express.Router();
  const exports = services.exports;

  const columnsFor = (req: Request, keys: readonly string[]): CsvColumn[] => keys.map((key) => ({ key, header: req.t(`privacy:exports.columns.${key}`) }));
  // A few dozen codes repeat over 100,000 rows: each label is looked up once per export.
  const translated = (req: Request, prefix: string) => {
    const labels = new Map<string, string>();
    return (code: string | null) => {
      if (!code) return '';
      let label = labels.get(code);
      if (label === undefined) labels.set(code, (label = req.t(`${prefix}${code}`, { defaultValue: code })));
      return label;
    };
  };

  async function send(req: Request, res: Response, kind: ExportKind, filter: Record<string, unknown>, keys: readonly string[], rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>) {
    const day = todayIso(services.clock.now(), services.config.timeZone);
    const sent = await sendCsv(res, `${kind.replace('_', '-')}-${day}.csv`, columnsFor(req, keys), rows, services.config.timeZone);
    await exports.recordExport(staffContext(req), kind, filter, sent.count, sent.complete);
  }

  router.get('/committee/export', requireRole('committee_member', 'committee_chair', 'manager'), async (req, res) => {
    const query = queueQuerySchema.parse(req.query);
    const filter = {
      view: query.view,
      city: query.city && services.config.serviceCities.includes(query.city) ? query.city : undefined,
      supportType: query.supportType && services.config.supportTypes.includes(query.supportType) ? query.supportType : undefined,
      overdue: query.overdue,
    };
    const status = translated(req, 'domain:status.staff.');
    const supportType = translated(req, 'domain:supportTypes.');
    async function* rows() {
      for await (const row of exports.committeeQueue(filter)) {
        yield { ...row, status: status(row.status), supportType: supportType(row.supportType), submittedAt: row.submittedAt, responseWindowOpensAt: row.responseWindowOpensAt };
      }
    }
    await send(req, res, 'committee_queue', filter, ['reference', 'fullName', 'supportType', 'city', 'status', 'submittedAt', 'responseWindowOpensAt'], rows());
  });

  router.get('/admin/indicators/export', requireRole('manager', 'admin'), async (req, res) => {
    const days = Number(req.query.period);
    const period: IndicatorPeriod = (INDICATOR_PERIODS as readonly number[]).includes(days) ? (days as IndicatorPeriod) : 90;
    await send(req, res, 'indicators', { period }, ['indicator', 'value'], await exports.indicators(period));
  });

  router.get('/admin/audit/export', requireRole('admin', 'manager'), async (req, res) => {
    const { errors, search } = auditFilterFrom(req.query, services.config.timeZone);
    if (errors.length > 0) throw new BadRequestError();
    await send(req, res, 'audit_log', search, ['id', 'at', 'actorType', 'actorLabel', 'action', 'entityType', 'entityId', 'requestId', 'ip', 'details'], exports.auditLog(search));
  });

  router.get('/admin/outbox/export', requireRole('admin'), async (req, res) => {
    const status = z.enum(OUTBOX_STATUSES).optional().catch(undefined).parse(req.query.status);
    await send(req, res, 'outbox', { status }, ['id', 'createdAt', 'channel', 'template', 'recipient', 'status', 'attempts', 'sentAt', 'lastError'], exports.outbox({ status }));
  });

  router.get('/admin/exports/deidentified', requireRole('manager', 'admin'), async (req, res) => {
    const query = reportingFilterSchema.parse(req.query);
    const filter = {
      submittedFrom: query.from ? startOfDayIn(query.from as IsoDate, services.config.timeZone) : undefined,
      submittedBefore: query.to ? startOfDayIn(addDays(query.to as IsoDate, 1), services.config.timeZone) : undefined,
    };
    const status = translated(req, 'domain:status.staff.');
    const supportType = translated(req, 'domain:supportTypes.');
    const channel = translated(req, 'domain:channels.');
    const ageBand = translated(req, 'privacy:exports.ageBands.');
    const outcome = translated(req, 'privacy:exports.outcomes.');
    async function* rows() {
      for await (const row of exports.deidentified(filter)) {
        yield { ...row, status: status(String(row.status)), supportType: supportType(String(row.supportType)), channel: channel(String(row.channel)), ageBand: ageBand(String(row.ageBand)), outcome: outcome(String(row.outcome)) };
      }
    }
    await send(req, res, 'deidentified', { from: query.from, to: query.to }, DEIDENTIFIED_COLUMNS, rows());
  });

  return router;
}
