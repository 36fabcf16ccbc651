import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './prismaClient.ts';
import { auditWhere, type AuditFilter } from './auditRepository.ts';
import type { QueueFilter } from './committeeRepository.ts';

/** Rows per round trip: big enough to be quick, small enough that memory stays flat however many rows there are. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * Pages through a table by id (keyset, never OFFSET), so an export of any size holds one page in
 * memory and each page costs the same.
 */
async function* byKeyset<T extends { id: number }>(page: (afterId: number, take: number) => Promise<T[]>): AsyncGenerator<T> {
  let afterId = 0;
  for (;;) {
    const rows = await page(afterId, EXPORT_PAGE_SIZE);
    yield* rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

function queueWhere(filter: QueueFilter): Prisma.SupportRequestWhereInput {
  return {
    ...(filter.view === 'with_committee' ? { status: 'with_committee' } : { status: { in: ['accepted', 'rejected'] }, decisionReleasedAt: null }),
    ...(filter.city ? { city: filter.city } : {}),
    ...(filter.supportType ? { supportType: filter.supportType } : {}),
    ...(filter.submittedOnOrBefore ? { submittedAt: { lte: filter.submittedOnOrBefore } } : {}),
  };
}

export function exportRepository(db: Db) {
  return {
    committeeQueue: (filter: QueueFilter) =>
      byKeyset((afterId, take) =>
        db.supportRequest.findMany({
          where: { ...queueWhere(filter), id: { gt: afterId } },
          orderBy: { id: 'asc' },
          take,
          select: { id: true, reference: true, fullName: true, supportType: true, city: true, status: true, submittedAt: true, responseWindowOpensAt: true },
        }),
      ),

    auditLog: (filter: AuditFilter) =>
      byKeyset((afterId, take) => db.auditEntry.findMany({ where: { ...auditWhere(filter), id: { gt: afterId } }, orderBy: { id: 'asc' }, take })),

    outbox: (filter: { status?: string }) =>
      byKeyset((afterId, take) =>
        db.notification.findMany({
          where: { ...(filter.status ? { status: filter.status } : {}), id: { gt: afterId } },
          orderBy: { id: 'asc' },
          take,
          select: { id: true, createdAt: true, channel: true, template: true, recipient: true, status: true, attempts: true, sentAt: true, lastError: true },
        }),
      ),

    /** Submitted requests (with or without personal fields left) with only what a de-identified row is built from. */
    requestsForReporting: (filter: { submittedFrom?: Date; submittedBefore?: Date }) =>
      byKeyset((afterId, take) =>
        db.supportRequest.findMany({
          where: {
            status: { not: 'draft' },
            ...(filter.submittedFrom || filter.submittedBefore ? { submittedAt: { ...(filter.submittedFrom ? { gte: filter.submittedFrom } : {}), ...(filter.submittedBefore ? { lt: filter.submittedBefore } : {}) } } : {}),
            id: { gt: afterId },
          },
          orderBy: { id: 'asc' },
          take,
          select: {
            id: true,
            birthDate: true,
            city: true,
            supportType: true,
            status: true,
            channel: true,
            incomeSalary: true,
            incomeSocialSecurity: true,
            incomePension: true,
            incomeOther: true,
            monthlyRent: true,
            submittedAt: true,
            _count: { select: { householdMembers: true } },
            decisions: { where: { releasedAt: { not: null } }, orderBy: { id: 'desc' }, take: 1, select: { outcome: true, amount: true, decidedAt: true } },
            services: { select: { amount: true } },
          },
        }),
      ),
  };
}
export type ExportRepository = ReturnType<typeof exportRepository>;
