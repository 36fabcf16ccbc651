import type { RequestStatus } from './requestStatus.ts';
import type { StaffRole } from './roles.ts';

/** What a staff member can open about a beneficiary: their file at the desk, or one request's file or document. */
export const CASE_RESOURCES = ['beneficiary_file', 'request_file', 'committee_file', 'research_file', 'document'] as const;
export type CaseResource = (typeof CASE_RESOURCES)[number];

/** The facts about a request the rule looks at. */
export interface CaseFacts {
  status: RequestStatus;
  /** The request has been raised to the committee at least once. */
  raisedToCommittee: boolean;
}

interface StageRule {
  /** `any`: at every stage, and also for reads that are about the person rather than one request. */
  statuses: 'any' | readonly RequestStatus[];
  /** Only once the officers have raised the request: the committee never sees a case before that. */
  onlyIfRaised?: boolean;
}

const EVERY_STATUS: StageRule = { statuses: 'any' };
// `closed` also follows a withdrawal that never reached the committee, hence onlyIfRaised.
const COMMITTEE_STAGES: StageRule = { statuses: ['with_committee', 'accepted', 'rejected', 'registered', 'closed'], onlyIfRaised: true };
// The researcher works on a referral only while it is open.
const RESEARCH_STAGES: StageRule = { statuses: ['referred'] };

/**
 * Which role may read which resource at which stage. Roles are tried in the order listed, so the
 * access log names the role whose work the read belongs to. `admin` appears nowhere:
 * administrators manage accounts, not cases.
 */
export const CASE_READ_RULES: Readonly<Record<CaseResource, readonly (readonly [StaffRole, StageRule])[]>> = {
  beneficiary_file: [
    ['relations_officer', EVERY_STATUS],
    ['manager', EVERY_STATUS],
  ],
  request_file: [
    ['relations_officer', EVERY_STATUS],
    ['manager', EVERY_STATUS],
  ],
  committee_file: [
    ['committee_chair', COMMITTEE_STAGES],
    ['committee_member', COMMITTEE_STAGES],
    ['manager', EVERY_STATUS],
  ],
  research_file: [['social_researcher', RESEARCH_STAGES]],
  document: [
    ['relations_officer', EVERY_STATUS],
    ['committee_chair', COMMITTEE_STAGES],
    ['committee_member', COMMITTEE_STAGES],
    ['social_researcher', RESEARCH_STAGES],
    ['manager', EVERY_STATUS],
  ],
};

export type CaseReadDecision =
  | { ok: true; role: StaffRole }
  /** `role`: none of the member's roles ever reads this resource; `stage`: not at the request's current stage. */
  | { ok: false; reason: 'role' | 'stage' };

/** Whether any of `roles` can read `resource` at some stage: checked before the request is loaded. */
export function mayEverRead(roles: readonly StaffRole[], resource: CaseResource): boolean {
  return CASE_READ_RULES[resource].some(([role]) => roles.includes(role));
}

function grants(rule: StageRule, facts: CaseFacts | null): boolean {
  if (rule.statuses === 'any') return true;
  return facts !== null && rule.statuses.includes(facts.status) && (!rule.onlyIfRaised || facts.raisedToCommittee);
}

/** `facts` is null for a read that concerns no one request (the beneficiary's file at the desk). */
export function decideCaseRead(roles: readonly StaffRole[], resource: CaseResource, facts: CaseFacts | null): CaseReadDecision {
  if (!mayEverRead(roles, resource)) return { ok: false, reason: 'role' };
  const granting = CASE_READ_RULES[resource].find(([role, rule]) => roles.includes(role) && grants(rule, facts));
  return granting ? { ok: true, role: granting[0] } : { ok: false, reason: 'stage' };
}
