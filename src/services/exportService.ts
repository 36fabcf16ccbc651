import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import type { AuditFilter } from '../data/auditRepository.ts';
import type { QueueView } from '../data/committeeRepository.ts';
import { ageBand, DEIDENTIFIED_COLUMNS } from '../domain/deidentification.ts';
import { todayIso } from '../domain/dates.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import type { IndicatorPeriod, IndicatorService } from './indicatorService.ts';

export const EXPORT_KINDS = ['committee_queue', 'indicators', 'audit_log', 'outbox', 'deidentified'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const DAY_MS = 86_400_000;
const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

/** Nested figures as `path.to.figure` rows; lists of {status|channel, count} keyed by their code. */
function flatten(value: unknown, path: string, rows: { indicator: string; value: string | number }[], dayOf: (date: Date) => string) {
  if (value == null) rows.push({ indicator: path, value: '' });
  else if (value instanceof Date) rows.push({ indicator: path, value: dayOf(value) });
  else if (Array.isArray(value)) {
    for (const item of value as Record<string, unknown>[]) {
      const code = String(item.status ?? item.channel ?? '');
      for (const [key, inner] of Object.entries(item)) if (key !== 'status' && key !== 'channel') flatten(inner, `${path}.${code}.${key}`, rows, dayOf);
    }
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, path ? `${path}.${key}` : key, rows, dayOf);
  } else rows.push({ indicator: path, value: value as string | number });
}

/** The rows of each export as async iterables (read page by page), and the audit entry every export leaves. */
export function exportService(data: DataAccess, config: Config, clock: Clock, indicators: IndicatorService) {
  // Days as the association counts them, not UTC days.
  const dayOf = (date: Date | null | undefined) => (date ? todayIso(date, config.timeZone) : '');
  const repositories = data.repositories;
  return {
    committeeQueue(filter: { view: QueueView; city?: string; supportType?: string; overdue: boolean }) {
      const now = clock.now();
      return repositories.exports.committeeQueue({
        view: filter.view,
        city: filter.city,
        supportType: filter.supportType,
        submittedOnOrBefore: filter.overdue ? new Date(now.getTime() - config.overdueAfterDays * DAY_MS) : undefined,
      });
    },

    async indicators(period: IndicatorPeriod) {
      const rows: { indicator: string; value: string | number }[] = [];
      flatten(await indicators.summary(period), '', rows, dayOf);
      return rows;
    },

    auditLog: (filter: AuditFilter) => repositories.exports.auditLog(filter),
    outbox: (filter: { status?: string }) => repositories.exports.outbox(filter),

    /** One row per submitted request, built only from the columns DEIDENTIFIED_COLUMNS names. */
    async *deidentified(filter: { submittedFrom?: Date; submittedBefore?: Date }): AsyncGenerator<Record<(typeof DEIDENTIFIED_COLUMNS)[number], string | number>> {
      let row = 0;
      for await (const request of repositories.exports.requestsForReporting(filter)) {
        row += 1;
        const decision = request.decision;
        yield {
          row,
          ageBand: ageBand(request.birthDate, request.submittedAt ?? clock.now()),
          city: request.city ?? '',
          supportType: request.supportType ?? '',
          status: request.status,
          channel: request.channel,
          householdSize: request.householdMembers + 1,
          monthlyIncome: sum([request.incomeSalary, request.incomeSocialSecurity, request.incomePension, request.incomeOther]),
          monthlyRent: request.monthlyRent ?? '',
          submittedOn: dayOf(request.submittedAt),
          decidedOn: dayOf(decision?.decidedAt),
          outcome: decision?.outcome ?? '',
          amountApproved: decision?.amount ?? '',
          amountDelivered: request.amountDelivered,
        };
      }
    },

    /** Who exported what, with which filter and how many rows; written even when the download was cut short. */
    async recordExport(context: ActingContext, kind: ExportKind, filter: Record<string, unknown>, rows: number, complete: boolean) {
      await repositories.audit.append({
        ...auditActor(context),
        action: 'export.csv',
        entityType: 'export',
        entityId: kind,
        details: { export: kind, filter, rows, complete },
      });
    },
  };
}
export type ExportService = ReturnType<typeof exportService>;
