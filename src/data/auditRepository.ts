import type { Db } from './prismaClient.ts';
import type { AuditEntry } from '../generated/prisma/client.ts';

export interface AuditInput {
  actorType: 'staff' | 'beneficiary' | 'system';
  actorId?: number | null;
  actorLabel?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  requestId?: number | null;
  visibleToBeneficiary?: boolean;
  details?: Record<string, unknown> | null;
  ip?: string | null;
  at?: Date;
}

/** A stored entry with its details parsed back from JSON. */
export type AuditRecord = Omit<AuditEntry, 'details'> & { details: Record<string, unknown> | null };

export interface AuditFilter {
  action?: string;
  actorLabel?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

/** The one reading of an audit filter, shared by the page and the export. */
export function auditWhere(filter: AuditFilter) {
  return {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actorLabel ? { actorLabel: { contains: filter.actorLabel } } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}

function toRecord(row: AuditEntry): AuditRecord {
  return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null };
}

// Append-only by construction: there is no update or delete here.
export function auditRepository(db: Db, now: () => Date = () => new Date()) {
  return {
    append: async (entry: AuditInput): Promise<void> => {
      await db.auditEntry.create({
        data: {
          actorType: entry.actorType,
          actorId: entry.actorId ?? null,
          actorLabel: entry.actorLabel ?? null,
          action: entry.action,
          entityType: entry.entityType ?? null,
          entityId: entry.entityId == null ? null : String(entry.entityId),
          requestId: entry.requestId ?? null,
          visibleToBeneficiary: entry.visibleToBeneficiary ?? false,
          details: entry.details ? JSON.stringify(entry.details) : null,
          ip: entry.ip ?? null,
          at: entry.at ?? now(),
        },
      });
    },
    search: async (filter: AuditFilter, page: number, pageSize: number) => {
      const where = auditWhere(filter);
      const [rows, total] = await Promise.all([
        db.auditEntry.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
        db.auditEntry.count({ where }),
      ]);
      return { entries: rows.map(toRecord), total };
    },
    forRequest: async (requestId: number, onlyVisibleToBeneficiary: boolean): Promise<AuditRecord[]> =>
      (
        // SQL rather than a model query: the file pages read the timeline on every view (requestRepository.ts).
        onlyVisibleToBeneficiary
          ? await db.$queryRaw<AuditEntry[]>`SELECT * FROM "AuditEntry" WHERE "requestId" = ${requestId} AND "visibleToBeneficiary" = TRUE ORDER BY "id" ASC`
          : await db.$queryRaw<AuditEntry[]>`SELECT * FROM "AuditEntry" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`
      ).map(toRecord),
    distinctActions: async (): Promise<string[]> =>
      (await db.auditEntry.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } })).map(
        (row) => row.action,
      ),
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
