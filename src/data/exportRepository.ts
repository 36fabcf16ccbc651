import { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './prismaClient.ts';
import { auditWhere, withBeneficiaryNames, type AuditFilter } from './auditRepository.ts';
import { QUEUE_COLUMNS, queueRowFrom, queueWhere, sqlDate, toDate, type QueueFilter, type RawQueueRow } from './committeeRepository.ts';
import type { SqlReader } from './sqlReader.ts';

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

interface RawReportingRow {
  id: number | bigint;
  birthDate: string | null;
  city: string | null;
  supportType: string | null;
  status: string;
  channel: string;
  incomeSalary: number | bigint | null;
  incomeSocialSecurity: number | bigint | null;
  incomePension: number | bigint | null;
  incomeOther: number | bigint | null;
  monthlyRent: number | bigint | null;
  submittedAt: Date | string | null;
  householdMembers: number | bigint;
  outcome: string | null;
  amountApproved: number | bigint | null;
  decidedAt: Date | string | null;
  amountDelivered: number | bigint | null;
}

const toNumber = (value: number | bigint | null) => (value == null ? null : Number(value));

export function exportRepository(db: Db, sql: SqlReader) {
  return {
    // SQL for the two big exports: the ORM's per-row cost was most of the export's time.
    committeeQueue: (filter: QueueFilter) =>
      byKeyset(async (afterId, take) => {
        const { where, params } = queueWhere(filter);
        return (
          await sql.all<RawQueueRow>(`SELECT ${QUEUE_COLUMNS} FROM "SupportRequest" WHERE ${where} AND "id" > ? ORDER BY "id" LIMIT ?`, [
            ...params,
            afterId,
            take,
          ])
        ).map(queueRowFrom);
      }),

    auditLog: (filter: AuditFilter) =>
      byKeyset(async (afterId, take) =>
        withBeneficiaryNames(db, await db.auditEntry.findMany({ where: { ...auditWhere(filter), id: { gt: afterId } }, orderBy: { id: 'asc' }, take })),
      ),

    outbox: (filter: { status?: string }) =>
      byKeyset((afterId, take) =>
        db.notification.findMany({
          where: { ...(filter.status ? { status: filter.status } : {}), id: { gt: afterId } },
          orderBy: { id: 'asc' },
          take,
          select: { id: true, createdAt: true, channel: true, template: true, recipient: true, status: true, attempts: true, sentAt: true, lastError: true },
        }),
      ),

    /** Submitted requests (anonymised ones too) with only what a de-identified row is built from. */
    requestsForReporting: (filter: { submittedFrom?: Date; submittedBefore?: Date }) =>
      byKeyset(async (afterId, take) => {
        const conditions = [
          Prisma.sql`r."status" <> 'draft'`,
          Prisma.sql`r."id" > ${afterId}`,
          ...(filter.submittedFrom ? [Prisma.sql`r."submittedAt" >= ${sqlDate(db, filter.submittedFrom)}`] : []),
          ...(filter.submittedBefore ? [Prisma.sql`r."submittedAt" < ${sqlDate(db, filter.submittedBefore)}`] : []),
        ];
        const rows = await db.$queryRaw<RawReportingRow[]>`SELECT r."id", r."birthDate", r."city", r."supportType", r."status", r."channel",
            r."incomeSalary", r."incomeSocialSecurity", r."incomePension", r."incomeOther", r."monthlyRent", r."submittedAt",
            (SELECT COUNT(*) FROM "HouseholdMember" h WHERE h."requestId" = r."id") AS "householdMembers",
            d."outcome", d."amount" AS "amountApproved", d."decidedAt",
            (SELECT SUM(s."amount") FROM "ServiceDelivery" s WHERE s."requestId" = r."id" AND s."cancelledAt" IS NULL) AS "amountDelivered"
          FROM "SupportRequest" r
          LEFT JOIN "Decision" d ON d."id" = (SELECT MAX(x."id") FROM "Decision" x WHERE x."requestId" = r."id" AND x."releasedAt" IS NOT NULL)
          WHERE ${Prisma.join(conditions, ' AND ')}
          ORDER BY r."id" LIMIT ${take}`;
        return rows.map((row) => ({
          id: Number(row.id),
          birthDate: row.birthDate,
          city: row.city,
          supportType: row.supportType,
          status: row.status,
          channel: row.channel,
          incomeSalary: toNumber(row.incomeSalary),
          incomeSocialSecurity: toNumber(row.incomeSocialSecurity),
          incomePension: toNumber(row.incomePension),
          incomeOther: toNumber(row.incomeOther),
          monthlyRent: toNumber(row.monthlyRent),
          submittedAt: toDate(row.submittedAt),
          householdMembers: Number(row.householdMembers),
          decision: row.outcome ? { outcome: row.outcome, amount: toNumber(row.amountApproved), decidedAt: toDate(row.decidedAt) } : null,
          amountDelivered: toNumber(row.amountDelivered) ?? 0,
        }));
      }),
  };
}
export type ExportRepository = ReturnType<typeof exportRepository>;
