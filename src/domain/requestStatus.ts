import type { StaffRole } from './roles.ts';

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'needs_info',
  'in_verification',
  'referred',
  'ready_for_committee',
  'with_committee',
  'accepted',
  'rejected',
  'registered',
  'withdrawn',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'submit',
  'withdraw',
  'start_verification',
  'request_info',
  'resubmit',
  'refer',
  'close_referral',
  'complete_verification',
  'reopen_verification',
  'raise',
  'decide_accept',
  'decide_reject',
  'return_for_info',
  'register',
  'close',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export type Actor =
  { kind: 'beneficiary' } | { kind: 'staff'; roles: readonly StaffRole[] } | { kind: 'system' };
/** Who may perform an action: the applicant themself or a staff role. */
export type Performer = 'beneficiary' | StaffRole;

export type TransitionRule = {
  readonly from: readonly RequestStatus[];
  readonly to: RequestStatus;
  readonly performers: readonly Performer[];
};

/**
 * The lifecycle as data so screens can render it. `admin` and `system` appear nowhere:
 * administrators manage accounts, not cases (separation of duties).
 */
export const TRANSITIONS: Readonly<Record<RequestAction, TransitionRule>> = deepFreeze({
  submit: { from: ['draft'], to: 'submitted', performers: ['beneficiary', 'relations_officer'] },
  withdraw: {
    from: [
      'draft',
      'submitted',
      'needs_info',
      'in_verification',
      'referred',
      'ready_for_committee',
    ],
    to: 'withdrawn',
    performers: ['beneficiary', 'relations_officer'],
  },
  start_verification: {
    from: ['submitted'],
    to: 'in_verification',
    performers: ['relations_officer'],
  },
  request_info: {
    from: ['submitted', 'in_verification', 'ready_for_committee'],
    to: 'needs_info',
    performers: ['relations_officer'],
  },
  resubmit: {
    from: ['needs_info'],
    to: 'submitted',
    performers: ['beneficiary', 'relations_officer'],
  },
  refer: {
    from: ['submitted', 'in_verification'],
    to: 'referred',
    performers: ['relations_officer'],
  },
  close_referral: { from: ['referred'], to: 'in_verification', performers: ['social_researcher'] },
  complete_verification: {
    from: ['in_verification'],
    to: 'ready_for_committee',
    performers: ['relations_officer'],
  },
  reopen_verification: {
    from: ['ready_for_committee'],
    to: 'in_verification',
    performers: ['relations_officer'],
  },
  raise: {
    from: ['ready_for_committee'],
    to: 'with_committee',
    performers: ['relations_officer', 'manager'],
  },
  decide_accept: { from: ['with_committee'], to: 'accepted', performers: ['committee_chair'] },
  decide_reject: { from: ['with_committee'], to: 'rejected', performers: ['committee_chair'] },
  return_for_info: { from: ['with_committee'], to: 'needs_info', performers: ['committee_chair'] },
  register: { from: ['accepted'], to: 'registered', performers: ['relations_officer'] },
  close: {
    from: ['registered', 'rejected', 'withdrawn'],
    to: 'closed',
    performers: ['relations_officer', 'manager'],
  },
});

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

export const TRANSITION_ERROR_CODES = [
  'transition.notAllowedFromStatus',
  'transition.roleNotAllowed',
] as const;
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];
export type TransitionResult =
  { ok: true; to: RequestStatus } | { ok: false; code: TransitionErrorCode };

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isRequestAction(value: unknown): value is RequestAction {
  return typeof value === 'string' && Object.hasOwn(TRANSITIONS, value);
}

function actorMayPerform(actor: Actor, performers: readonly Performer[]): boolean {
  switch (actor.kind) {
    case 'beneficiary':
      return performers.includes('beneficiary');
    case 'staff':
      return actor.roles.some((role) => performers.includes(role));
    case 'system':
      return false;
  }
}

/** Status is checked before role, so a stale screen reports "no longer possible" rather than "forbidden". */
export function decideTransition(
  status: RequestStatus,
  action: RequestAction,
  actor: Actor,
): TransitionResult {
  // Actions arrive from form posts; an unknown one must not reach the table lookup.
  if (!isRequestAction(action)) return { ok: false, code: 'transition.notAllowedFromStatus' };
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) return { ok: false, code: 'transition.notAllowedFromStatus' };
  if (!actorMayPerform(actor, rule.performers))
    return { ok: false, code: 'transition.roleNotAllowed' };
  return { ok: true, to: rule.to };
}

export function allowedActions(status: RequestStatus, actor: Actor): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => decideTransition(status, action, actor).ok);
}

const FINISHED_STATUSES: readonly RequestStatus[] = [
  'rejected',
  'withdrawn',
  'closed',
  'registered',
];

/** A national ID may have at most one open request at a time. */
export function isOpenStatus(status: RequestStatus): boolean {
  return !FINISHED_STATUSES.includes(status);
}

export function isEditableByBeneficiary(status: RequestStatus): boolean {
  return status === 'draft' || status === 'needs_info';
}

const UNRELEASED_OUTCOMES: readonly RequestStatus[] = ['accepted', 'rejected', 'registered'];

/**
 * Committee outcomes stay "under study" for the applicant until the response window lets
 * the decision be released. `closed` is shown as is: it does not reveal the outcome.
 */
export function beneficiaryStatusView(
  status: RequestStatus,
  { decisionReleased }: { decisionReleased: boolean },
): RequestStatus {
  return !decisionReleased && UNRELEASED_OUTCOMES.includes(status) ? 'with_committee' : status;
}

export function staffStatusLabelKey(status: RequestStatus): string {
  return `status.staff.${status}`;
}

export function beneficiaryStatusLabelKey(status: RequestStatus): string {
  return `status.beneficiary.${status}`;
}

export function actionLabelKey(action: RequestAction): string {
  return `actions.${action}`;
}
