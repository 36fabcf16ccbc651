import type { DataAccess } from '../data/index.ts';
import type { AuditFilter } from '../data/auditRepository.ts';

export const AUDIT_PAGE_SIZE = 50;

export function auditService(data: DataAccess) {
  return {
    search: (filter: AuditFilter, page: number) => data.repositories.audit.search(filter, page, AUDIT_PAGE_SIZE),
    actions: () => data.repositories.audit.distinctActions(),
    /** What the beneficiary may see of their request's history. */
    beneficiaryTimeline: (requestId: number) => data.repositories.audit.forRequest(requestId, true),
  };
}
