import type { DataAccess } from '../data/index.ts';
import { decideCaseRead, mayEverRead, type CaseResource } from '../domain/caseAccess.ts';
import { isRequestStatus } from '../domain/requestStatus.ts';
import type { StaffRole } from '../domain/roles.ts';
import type { ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';

/** A research file is named by its referral; everything else by the request (and the document). */
export type CaseReadTarget =
  | { resource: 'beneficiary_file'; beneficiaryId: number }
  | { resource: 'request_file' | 'committee_file'; requestId: number }
  | { resource: 'research_file'; referralId: number }
  | { resource: 'document'; requestId: number; documentId: number };

export type CaseRead =
  | { ok: true; role: StaffRole; requestId: number | null; beneficiaryId: number }
  /** 403: the member's roles never read this; 404: no such record, or not at this stage (indistinguishable). */
  | { ok: false; status: 403 | 404 };

/**
 * Every staff read of a beneficiary's file or document goes through here: the rule in
 * domain/caseAccess.ts decides, and an allowed read is written to the access log.
 */
export function caseAccessService(data: DataAccess, clock: Clock) {
  const { requests, casework, beneficiaries, accessLog } = data.repositories;

  async function requestIdOf(target: Exclude<CaseReadTarget, { resource: 'beneficiary_file' }>): Promise<number | null> {
    if (target.resource !== 'research_file') return target.requestId;
    return (await casework.findReferral(target.referralId))?.requestId ?? null;
  }

  const logRead = (context: ActingContext & { kind: 'staff' }, role: StaffRole, resource: CaseResource, ids: { requestId: number | null; beneficiaryId: number; documentId: number | null }) =>
    accessLog.append({ at: clock.now(), staffId: context.id, role, resource, ...ids, ip: context.ip });

  return {
    async openForReading(context: ActingContext & { kind: 'staff' }, target: CaseReadTarget): Promise<CaseRead> {
      const resource: CaseResource = target.resource;
      if (!mayEverRead(context.roles, resource)) return { ok: false, status: 403 };
      if (target.resource === 'beneficiary_file') {
        const decision = decideCaseRead(context.roles, resource, null);
        if (!decision.ok || !(await beneficiaries.findById(target.beneficiaryId))) return { ok: false, status: 404 };
        await logRead(context, decision.role, resource, { requestId: null, beneficiaryId: target.beneficiaryId, documentId: null });
        return { ok: true, role: decision.role, requestId: null, beneficiaryId: target.beneficiaryId };
      }
      const requestId = await requestIdOf(target);
      const facts = requestId ? await requests.accessFacts(requestId) : null;
      if (!facts || !isRequestStatus(facts.status)) return { ok: false, status: 404 };
      const decision = decideCaseRead(context.roles, resource, { status: facts.status, raisedToCommittee: facts.raisedAt !== null });
      if (!decision.ok) return { ok: false, status: 404 };
      const documentId = target.resource === 'document' ? target.documentId : null;
      if (documentId !== null && !(await requests.findDocument(facts.id, documentId))) return { ok: false, status: 404 };
      await logRead(context, decision.role, resource, { requestId: facts.id, beneficiaryId: facts.beneficiaryId, documentId });
      return { ok: true, role: decision.role, requestId: facts.id, beneficiaryId: facts.beneficiaryId };
    },
  };
}
export type CaseAccessService = ReturnType<typeof caseAccessService>;
