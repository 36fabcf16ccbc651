import type { Db } from './prismaClient.ts';
import type { AccessLog } from '../generated/prisma/client.ts';
import type { CaseResource } from '../domain/caseAccess.ts';
import type { StaffRole } from '../domain/roles.ts';

export interface AccessLogInput {
  at: Date;
  staffId: number;
  role: StaffRole;
  resource: CaseResource;
  requestId: number | null;
  beneficiaryId: number;
  documentId?: number | null;
  ip: string | null;
}

export type AccessLogRecord = AccessLog;

export interface AccessLogFilter {
  beneficiaryId: number;
  /** Only the reads of this request (the file at the desk is about the person, so it is left out then). */
  requestId?: number;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** A read with the names an administrator reads it by. */
export type AccessLogEntry = AccessLogRecord & { staffName: string | null; reference: string | null; documentName: string | null };

// Append-only by construction, like the audit log: there is no update or delete here.
export function accessLogRepository(db: Db) {
  return {
    /** One row, one insert: the page that reads waits for nothing more. */
    append: async (entry: AccessLogInput): Promise<void> => {
      // Raw: every staff read of a file writes one, and a model `create` costs about three times the CPU (auditRepository.ts).
      await db.$executeRaw`INSERT INTO "AccessLog" ("at", "staffId", "role", "resource", "documentId", "requestId", "beneficiaryId", "ip")
        VALUES (${entry.at}, ${entry.staffId}, ${entry.role}, ${entry.resource}, ${entry.documentId ?? null}, ${entry.requestId}, ${entry.beneficiaryId}, ${entry.ip})`;
    },

    /** Newest first: who read one beneficiary's file or documents. */
    forBeneficiary: (beneficiaryId: number, limit = 100): Promise<AccessLogRecord[]> =>
      db.accessLog.findMany({ where: { beneficiaryId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit }),

    /** One page of a beneficiary's reads, newest first, with the staff member's, request's and document's names. */
    async search(filter: AccessLogFilter, page: number, pageSize: number): Promise<{ entries: AccessLogEntry[]; total: number }> {
      const at = filter.from || filter.to ? { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } : undefined;
      const where = { beneficiaryId: filter.beneficiaryId, ...(filter.requestId !== undefined ? { requestId: filter.requestId } : {}), ...(at ? { at } : {}) };
      const [rows, total] = await Promise.all([
        db.accessLog.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
        db.accessLog.count({ where }),
      ]);
      const ids = (pick: (row: AccessLog) => number | null) => [...new Set(rows.map(pick).filter((id): id is number => id !== null))];
      const [staff, requests, documents] = await Promise.all([
        db.staffUser.findMany({ where: { id: { in: ids((row) => row.staffId) } }, select: { id: true, fullName: true } }),
        db.supportRequest.findMany({ where: { id: { in: ids((row) => row.requestId) } }, select: { id: true, reference: true } }),
        db.requestDocument.findMany({ where: { id: { in: ids((row) => row.documentId) } }, select: { id: true, originalName: true } }),
      ]);
      const nameOf = <T extends { id: number }>(list: T[], value: (item: T) => string | null) => {
        const byId = new Map(list.map((item) => [item.id, value(item)]));
        return (id: number | null) => (id === null ? null : (byId.get(id) ?? null));
      };
      const staffName = nameOf(staff, (item) => item.fullName);
      const reference = nameOf(requests, (item) => item.reference);
      const documentName = nameOf(documents, (item) => item.originalName);
      return {
        entries: rows.map((row) => ({ ...row, staffName: staffName(row.staffId), reference: reference(row.requestId), documentName: documentName(row.documentId) })),
        total,
      };
    },

    /** The person a search is about, by their ID number or by one of their requests. */
    async findSubject(by: { nationalId: string } | { reference: string }): Promise<{ beneficiaryId: number; fullName: string | null; nationalId: string; requestId?: number; reference?: string } | null> {
      if ('nationalId' in by) {
        const person = await db.beneficiary.findUnique({ where: { nationalId: by.nationalId }, select: { id: true, fullName: true, nationalId: true } });
        return person && { beneficiaryId: person.id, fullName: person.fullName, nationalId: person.nationalId };
      }
      const found = await db.supportRequest.findUnique({ where: { reference: by.reference }, select: { id: true, beneficiary: { select: { id: true, fullName: true, nationalId: true } } } });
      return found && { beneficiaryId: found.beneficiary.id, fullName: found.beneficiary.fullName, nationalId: found.beneficiary.nationalId, requestId: found.id, reference: by.reference };
    },

    /** What the beneficiary is told: the role and the time of each read, never who or from where. */
    readsByRoleOf: (beneficiaryId: number) =>
      db.accessLog.findMany({ where: { beneficiaryId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { at: true, role: true, resource: true, requestId: true } }),
  };
}
export type AccessLogRepository = ReturnType<typeof accessLogRepository>;
