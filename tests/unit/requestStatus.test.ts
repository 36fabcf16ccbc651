import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  beneficiaryStatusView,
  decideTransition,
  isEditableByBeneficiary,
  isOpenStatus,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  TRANSITIONS,
  type Actor,
  type RequestAction,
  type RequestStatus,
} from '../../src/domain/requestStatus.ts';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/roles.ts';

/**
 * Written independently from the policy, one line per (from, action): "from action to who,who".
 * B = beneficiary, RO = relations_officer, SR = social_researcher, CC = committee_chair, M = manager.
 */
const POLICY = `
draft submit submitted B,RO
draft withdraw withdrawn B,RO
submitted withdraw withdrawn B,RO
needs_info withdraw withdrawn B,RO
in_verification withdraw withdrawn B,RO
referred withdraw withdrawn B,RO
ready_for_committee withdraw withdrawn B,RO
submitted start_verification in_verification RO
submitted request_info needs_info RO
in_verification request_info needs_info RO
ready_for_committee request_info needs_info RO
needs_info resubmit submitted B,RO
submitted refer referred RO
in_verification refer referred RO
referred close_referral in_verification SR
in_verification complete_verification ready_for_committee RO
ready_for_committee reopen_verification in_verification RO
ready_for_committee raise with_committee RO,M
with_committee decide_accept accepted CC
with_committee decide_reject rejected CC
with_committee return_for_info needs_info CC
accepted register registered RO
registered close closed RO,M
rejected close closed RO,M
withdrawn close closed RO,M
`;

const WHO: Record<string, string> = {
  B: 'beneficiary',
  RO: 'relations_officer',
  SR: 'social_researcher',
  CC: 'committee_chair',
  M: 'manager',
};

const expectedRules = new Map<string, { to: string; who: Set<string> }>(
  POLICY.trim()
    .split('\n')
    .map((line) => {
      const [from, action, to, who] = line.trim().split(' ') as [string, string, string, string];
      return [
        `${from}/${action}`,
        { to, who: new Set(who.split(',').map((w) => WHO[w] as string)) },
      ];
    }),
);

type NamedActor = { name: string; actor: Actor; identities: string[] };

const ACTORS: NamedActor[] = [
  { name: 'beneficiary', actor: { kind: 'beneficiary' }, identities: ['beneficiary'] },
  { name: 'system', actor: { kind: 'system' }, identities: [] },
  { name: 'staff without roles', actor: { kind: 'staff', roles: [] }, identities: [] },
  ...STAFF_ROLES.map((role) => ({
    name: role,
    actor: { kind: 'staff', roles: [role] } as Actor,
    identities: [role],
  })),
  {
    name: 'admin+committee_member',
    actor: { kind: 'staff', roles: ['admin', 'committee_member'] },
    identities: ['admin', 'committee_member'],
  },
  {
    name: 'admin+manager',
    actor: { kind: 'staff', roles: ['admin', 'manager'] },
    identities: ['admin', 'manager'],
  },
  {
    name: 'social_researcher+committee_chair',
    actor: { kind: 'staff', roles: ['social_researcher', 'committee_chair'] },
    identities: ['social_researcher', 'committee_chair'],
  },
];

function expectedOutcome(status: string, action: string, identities: string[]) {
  const rule = expectedRules.get(`${status}/${action}`);
  if (!rule) return { ok: false, code: 'transition.notAllowedFromStatus' };
  if (!identities.some((identity) => rule.who.has(identity)))
    return { ok: false, code: 'transition.roleNotAllowed' };
  return { ok: true, to: rule.to };
}

describe('decideTransition, exhaustively', () => {
  const cases = REQUEST_STATUSES.flatMap((status) =>
    REQUEST_ACTIONS.flatMap((action) => ACTORS.map((a) => ({ status, action, ...a }))),
  );

  it('covers every status × action × actor', () => {
    expect(cases).toHaveLength(12 * 15 * ACTORS.length);
    expect(REQUEST_ACTIONS).toHaveLength(15);
  });

  it.each(cases)('$status + $action by $name', ({ status, action, actor, identities }) => {
    expect(decideTransition(status, action, actor)).toEqual(
      expectedOutcome(status, action, identities),
    );
  });

  it('the exported table describes exactly the policy', () => {
    const fromTable = Object.entries(TRANSITIONS).flatMap(([action, rule]) =>
      rule.from.map(
        (from) => `${from} ${action} ${rule.to} ${[...rule.performers].sort().join(',')}`,
      ),
    );
    const fromPolicy = [...expectedRules].map(
      ([key, rule]) => `${key.replace('/', ' ')} ${rule.to} ${[...rule.who].sort().join(',')}`,
    );
    expect(fromTable.sort()).toEqual(fromPolicy.sort());
  });
});

describe('decideTransition, specific cases', () => {
  const officer: Actor = { kind: 'staff', roles: ['relations_officer'] };
  const admin: Actor = { kind: 'staff', roles: ['admin'] };

  it('checks the status before the role', () => {
    expect(decideTransition('closed', 'decide_accept', { kind: 'beneficiary' })).toEqual({
      ok: false,
      code: 'transition.notAllowedFromStatus',
    });
    expect(decideTransition('with_committee', 'decide_accept', { kind: 'beneficiary' })).toEqual({
      ok: false,
      code: 'transition.roleNotAllowed',
    });
  });

  it('keeps administrators out of casework', () => {
    for (const status of REQUEST_STATUSES) expect(allowedActions(status, admin)).toEqual([]);
  });

  it('gives the system actor no actions', () => {
    for (const status of REQUEST_STATUSES)
      expect(allowedActions(status, { kind: 'system' })).toEqual([]);
  });

  it('lets only the committee chair decide; a member cannot', () => {
    expect(
      decideTransition('with_committee', 'decide_accept', {
        kind: 'staff',
        roles: ['committee_member'],
      }),
    ).toEqual({
      ok: false,
      code: 'transition.roleNotAllowed',
    });
    expect(allowedActions('with_committee', { kind: 'staff', roles: ['committee_chair'] })).toEqual(
      ['decide_accept', 'decide_reject', 'return_for_info'],
    );
  });

  it('lists what a relations officer may do on a fresh submission', () => {
    expect(allowedActions('submitted', officer)).toEqual([
      'withdraw',
      'start_verification',
      'request_info',
      'refer',
    ]);
  });

  it('lets a beneficiary submit, resubmit and withdraw, and nothing after the committee', () => {
    const b: Actor = { kind: 'beneficiary' };
    expect(allowedActions('draft', b)).toEqual(['submit', 'withdraw']);
    expect(allowedActions('needs_info', b)).toEqual(['withdraw', 'resubmit']);
    expect(allowedActions('with_committee', b)).toEqual([]);
    expect(allowedActions('accepted', b)).toEqual([]);
  });

  it('treats terminal statuses as terminal', () => {
    const everyone: Actor = { kind: 'staff', roles: [...STAFF_ROLES] };
    expect(allowedActions('closed', everyone)).toEqual([]);
    expect(allowedActions('rejected', everyone)).toEqual(['close']);
  });

  it('rejects an unknown action coming from a form post', () => {
    expect(decideTransition('draft', 'delete' as RequestAction, officer)).toEqual({
      ok: false,
      code: 'transition.notAllowedFromStatus',
    });
    expect(decideTransition('draft', 'toString' as RequestAction, officer)).toMatchObject({
      ok: false,
    });
  });

  it('cannot be mutated by a careless UI', () => {
    expect(() => (TRANSITIONS.submit.performers as StaffRole[]).push('admin')).toThrow(TypeError);
    expect(decideTransition('draft', 'submit', admin)).toMatchObject({ ok: false });
  });
});

describe('status predicates', () => {
  const finished: RequestStatus[] = ['rejected', 'withdrawn', 'closed', 'registered'];

  it.each(REQUEST_STATUSES)('isOpenStatus(%s)', (status) => {
    expect(isOpenStatus(status)).toBe(!finished.includes(status));
  });

  it.each(REQUEST_STATUSES)('isEditableByBeneficiary(%s)', (status) => {
    expect(isEditableByBeneficiary(status)).toBe(status === 'draft' || status === 'needs_info');
  });
});

describe('beneficiaryStatusView', () => {
  it.each(['accepted', 'rejected', 'registered'] as const)(
    'hides %s until the decision is released',
    (status) => {
      expect(beneficiaryStatusView(status, { decisionReleased: false })).toBe('with_committee');
      expect(beneficiaryStatusView(status, { decisionReleased: true })).toBe(status);
    },
  );

  it.each(REQUEST_STATUSES.filter((s) => !['accepted', 'rejected', 'registered'].includes(s)))(
    'shows %s as is',
    (status) => {
      expect(beneficiaryStatusView(status, { decisionReleased: false })).toBe(status);
    },
  );
});
