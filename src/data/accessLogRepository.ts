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

// Append-only by construction, like the audit log: there is no update or delete here.
export function accessLogRepository(db: Db) {
  return {
    /** One row, one insert: the page that reads waits for nothing more. */
    append: async (entry: AccessLogInput): Promise<void> => {
      await db.accessLog.create({ data: { ...entry, documentId: entry.documentId ?? null } });
    },

    /** Newest first: who read one beneficiary's file or documents. */
    forBeneficiary: (beneficiaryId: number, limit = 100): Promise<AccessLogRecord[]> =>
      db.accessLog.findMany({ where: { beneficiaryId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit }),
  };
}
export type AccessLogRepository = ReturnType<typeof accessLogRepository>;
