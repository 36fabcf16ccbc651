import { describe, expect, it } from 'vitest';
import { CASE_RESOURCES, decideCaseRead, mayEverRead, type CaseResource } from '../../src/domain/caseAccess.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../../src/domain/requestStatus.ts';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/roles.ts';

// The expected answers written out by hand, apart from the rule's own table.
const ALL: readonly RequestStatus[] = REQUEST_STATUSES;
const COMMITTEE: readonly RequestStatus[] = ['with_committee', 'accepted', 'rejected', 'registered', 'closed'];
const RESEARCH: readonly RequestStatus[] = ['referred'];

type Expected = Partial<Record<StaffRole, { statuses: readonly RequestStatus[]; raisedOnly?: boolean }>>;
const EXPECTED: Record<CaseResource, Expected> = {
  beneficiary_file: { relations_officer: { statuses: ALL }, manager: { statuses: ALL } },
  request_file: { relations_officer: { statuses: ALL }, manager: { statuses: ALL } },
  committee_file: {
    committee_member: { statuses: COMMITTEE, raisedOnly: true },
    committee_chair: { statuses: COMMITTEE, raisedOnly: true },
    manager: { statuses: ALL },
  },
  research_file: { social_researcher: { statuses: RESEARCH } },
  document: {
    relations_officer: { statuses: ALL },
    committee_member: { statuses: COMMITTEE, raisedOnly: true },
    committee_chair: { statuses: COMMITTEE, raisedOnly: true },
    social_researcher: { statuses: RESEARCH },
    manager: { statuses: ALL },
  },
};

const cases = CASE_RESOURCES.flatMap((resource) =>
  STAFF_ROLES.flatMap((role) =>
    REQUEST_STATUSES.flatMap((status) => [true, false].map((raised) => ({ resource, role, status, raised }))),
  ),
);

describe('which role may read which resource at which stage', () => {
  it.each(cases)('$role reading $resource at $status (raised: $raised)', ({ resource, role, status, raised }) => {
    const expected = EXPECTED[resource][role];
    const allowed = Boolean(expected && expected.statuses.includes(status) && (!expected.raisedOnly || raised));
    const decision = decideCaseRead([role], resource, { status, raisedToCommittee: raised });
    if (allowed) expect(decision).toEqual({ ok: true, role });
    else expect(decision).toEqual({ ok: false, reason: expected ? 'stage' : 'role' });
    expect(mayEverRead([role], resource)).toBe(Boolean(expected));
  });

  it('decides a read about the person, not one request, without stage facts', () => {
    for (const role of STAFF_ROLES) {
      const allowed = role === 'relations_officer' || role === 'manager';
      expect(decideCaseRead([role], 'beneficiary_file', null)).toEqual(allowed ? { ok: true, role } : { ok: false, reason: 'role' });
    }
    // A stage-bound resource is never granted without the request's facts.
    expect(decideCaseRead(['committee_chair'], 'committee_file', null)).toEqual({ ok: false, reason: 'stage' });
  });

  it('gives administrators no case reads at all', () => {
    for (const resource of CASE_RESOURCES) expect(mayEverRead(['admin'], resource)).toBe(false);
  });

  it('names the role whose work the read belongs to when a member holds several', () => {
    const facts = { status: 'with_committee' as const, raisedToCommittee: true };
    expect(decideCaseRead(['manager', 'committee_member'], 'committee_file', facts)).toEqual({ ok: true, role: 'committee_member' });
    expect(decideCaseRead(['committee_member', 'relations_officer'], 'document', facts)).toEqual({ ok: true, role: 'relations_officer' });
    // A committee member who is also a researcher still cannot open a draft.
    expect(decideCaseRead(['committee_member', 'social_researcher'], 'document', { status: 'draft', raisedToCommittee: false })).toEqual({ ok: false, reason: 'stage' });
  });

  it('keeps a withdrawn request that never reached the committee closed to it', () => {
    expect(decideCaseRead(['committee_chair'], 'committee_file', { status: 'closed', raisedToCommittee: false })).toEqual({ ok: false, reason: 'stage' });
    expect(decideCaseRead(['committee_chair'], 'committee_file', { status: 'closed', raisedToCommittee: true }).ok).toBe(true);
  });
});
