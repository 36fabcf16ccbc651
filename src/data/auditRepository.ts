import type { Db } from './prismaClient.ts';
import type { AuditEntry } from '../generated/prisma/client.ts';
import { MODEL_COLUMN_TYPES } from './columnTypes.ts';
import type { SqlReader } from './sqlReader.ts';

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

/**
 * A beneficiary's entries are shown under the name on their record today, never the national ID
 * older entries were labelled with; a person without a name (or anonymised) gets no label.
 */
export async function withBeneficiaryNames<T extends { actorType: string; actorId: number | null; actorLabel: string | null }>(db: Db, records: T[]): Promise<T[]> {
  const ids = [...new Set(records.filter((record) => record.actorType === 'beneficiary' && record.actorId !== null).map((record) => record.actorId as number))];
  if (ids.length === 0) return records;
  const people = await db.beneficiary.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } });
  const names = new Map(people.map((person) => [person.id, person.fullName]));
  return records.map((record) => (record.actorType === 'beneficiary' ? { ...record, actorLabel: (record.actorId !== null && names.get(record.actorId)) || null } : record));
}

// Append-only by construction: there is no update or delete here.
export function auditRepository(db: Db, now: () => Date, sql: SqlReader) {
  return {
    // A raw insert (Prisma picks the placeholders and writes dates and booleans as a model query would): nearly every
    // write appends an entry, and a model `create` costs about three times as much CPU in Prisma's client.
    append: async (entry: AuditInput): Promise<void> => {
      await db.$executeRaw`INSERT INTO "AuditEntry"
        ("at", "actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "requestId", "visibleToBeneficiary", "details", "ip")
        VALUES (${entry.at ?? now()}, ${entry.actorType}, ${entry.actorId ?? null}, ${entry.actorLabel ?? null}, ${entry.action},
          ${entry.entityType ?? null}, ${entry.entityId == null ? null : String(entry.entityId)}, ${entry.requestId ?? null},
          ${entry.visibleToBeneficiary ?? false}, ${entry.details ? JSON.stringify(entry.details) : null}, ${entry.ip ?? null})`;
    },
    search: async (filter: AuditFilter, page: number, pageSize: number) => {
      const where = auditWhere(filter);
      const [rows, total] = await Promise.all([
        db.auditEntry.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
        db.auditEntry.count({ where }),
      ]);
      return { entries: await withBeneficiaryNames(db, rows.map(toRecord)), total };
    },
    forRequest: async (requestId: number, onlyVisibleToBeneficiary: boolean): Promise<AuditRecord[]> =>
      withBeneficiaryNames(
        db,
        (
          // Through the driver: the file pages read the timeline on every view (sqlReader.ts).
          onlyVisibleToBeneficiary
            ? await sql.all<AuditEntry>(
                'SELECT * FROM "AuditEntry" WHERE "requestId" = ? AND "visibleToBeneficiary" = ? ORDER BY "id" ASC',
                [requestId, true],
                MODEL_COLUMN_TYPES.AuditEntry,
              )
            : await sql.all<AuditEntry>('SELECT * FROM "AuditEntry" WHERE "requestId" = ? ORDER BY "id" ASC', [requestId], MODEL_COLUMN_TYPES.AuditEntry)
        ).map(toRecord),
      ),
    distinctActions: async (): Promise<string[]> =>
      (await db.auditEntry.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } })).map(
        (row) => row.action,
      ),
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
