import type { DataAccess } from '../data/index.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';

export const ACCESS_LOG_PAGE_SIZE = 50;

export type AccessLogQuery =
  { by: 'national_id'; nationalId: string } | { by: 'reference'; reference: string };

export interface AccessLogPeriod {
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/**
 * Who read a beneficiary's file. Looking is itself a read of personal data, so every search is
 * written to the audit log: who searched, for whom (or that no one was found), over which period.
 */
export function accessLogService(data: DataAccess, clock: Clock) {
  const { accessLog, audit } = data.repositories;
  return {
    async search(
      context: ActingContext & { kind: 'staff' },
      query: AccessLogQuery,
      period: AccessLogPeriod,
      page: number,
    ) {
      const subject = await accessLog.findSubject(
        query.by === 'national_id'
          ? { nationalId: query.nationalId }
          : { reference: query.reference },
      );
      await audit.append({
        ...auditActor(context),
        action: 'access_log.searched',
        at: clock.now(),
        entityType: subject ? 'beneficiary' : null,
        entityId: subject?.beneficiaryId ?? null,
        requestId: subject?.requestId ?? null,
        details: {
          by: query.by,
          found: subject !== null,
          from: period.from?.toISOString() ?? null,
          to: period.to?.toISOString() ?? null,
          page,
        },
      });
      if (!subject) return null;
      const { entries, total } = await accessLog.search(
        { beneficiaryId: subject.beneficiaryId, requestId: subject.requestId, ...period },
        page,
        ACCESS_LOG_PAGE_SIZE,
      );
      return { subject, entries, total };
    },
  };
}
export type AccessLogService = ReturnType<typeof accessLogService>;
