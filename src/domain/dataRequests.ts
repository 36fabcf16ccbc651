/**
 * Requests a person makes about their own data (PDPL art. 4; implementing regulation art. 3):
 * answered within 30 days, extendable once by 30 days with a notice to the person.
 */
export const DATA_REQUEST_KINDS = ['correction', 'completion', 'destruction'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

export const DATA_REQUEST_CHANNELS = ['website', 'in_person', 'oral'] as const;
export type DataRequestChannel = (typeof DATA_REQUEST_CHANNELS)[number];

export const DATA_REQUEST_STATUSES = ['open', 'extended', 'answered', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

export const ANSWER_WITHIN_DAYS = 30;
export const EXTENSION_DAYS = 30;
const DAY_MS = 86_400_000;

export interface DataRequestClock {
  status: string;
  dueAt: Date;
  extendedAt: Date | null;
}

export function answerDueAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + ANSWER_WITHIN_DAYS * DAY_MS);
}

export function isOpen(request: { status: string }): boolean {
  return request.status === 'open' || request.status === 'extended';
}

export function isOverdue(request: DataRequestClock, now: Date): boolean {
  return isOpen(request) && now.getTime() > request.dueAt.getTime();
}

/** Whole days left before the deadline (negative once overdue). */
export function daysLeft(request: DataRequestClock, now: Date): number {
  return Math.ceil((request.dueAt.getTime() - now.getTime()) / DAY_MS);
}

export const DATA_REQUEST_ERROR_CODES = ['privacy:errors.notOpen', 'privacy:errors.alreadyExtended', 'privacy:errors.extensionTooLate', 'privacy:errors.mustBeRefused', 'privacy:errors.notDestruction'] as const;
type Refusal = { ok: false; code: (typeof DATA_REQUEST_ERROR_CODES)[number] };

/** Once only, and before the first deadline passes: a late answer cannot be turned into an extension. */
export function decideExtension(request: DataRequestClock, now: Date): { ok: true; dueAt: Date } | Refusal {
  if (!isOpen(request)) return { ok: false, code: 'privacy:errors.notOpen' };
  if (request.extendedAt) return { ok: false, code: 'privacy:errors.alreadyExtended' };
  if (now.getTime() > request.dueAt.getTime()) return { ok: false, code: 'privacy:errors.extensionTooLate' };
  return { ok: true, dueAt: new Date(request.dueAt.getTime() + EXTENSION_DAYS * DAY_MS) };
}

export const DESTRUCTION_REFUSAL_REASONS = ['open_case', 'support_paid'] as const;
export type DestructionRefusalReason = (typeof DESTRUCTION_REFUSAL_REASONS)[number];

/**
 * Why the data must be kept despite a destruction request, or null when it may go. An open request
 * is still being decided; records of support paid are kept for the period the retention table gives.
 */
export function destructionBlocker(facts: { openRequests: number; supportRecords: number }): DestructionRefusalReason | null {
  if (facts.openRequests > 0) return 'open_case';
  if (facts.supportRecords > 0) return 'support_paid';
  return null;
}

/** Statuses in which a support request is still being worked on, so its data is needed. */
export const OPEN_CASE_STATUSES = ['submitted', 'needs_info', 'in_verification', 'referred', 'ready_for_committee', 'with_committee'] as const;
/** Statuses whose files hold records of support granted or paid. */
export const SUPPORT_RECORD_STATUSES = ['accepted', 'registered', 'closed'] as const;

/** An answer that carries out the request; destruction that a blocker forbids must be refused instead. */
export function decideAnswer(request: { status: string; kind: string }, blocker: DestructionRefusalReason | null): { ok: true } | Refusal {
  if (!isOpen(request)) return { ok: false, code: 'privacy:errors.notOpen' };
  if (request.kind === 'destruction' && blocker) return { ok: false, code: 'privacy:errors.mustBeRefused' };
  return { ok: true };
}

export function decideRefusal(request: { status: string }): { ok: true } | Refusal {
  if (!isOpen(request)) return { ok: false, code: 'privacy:errors.notOpen' };
  return { ok: true };
}

export function dataRequestReference(id: number, receivedAt: Date): string {
  return `DR-${receivedAt.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
}
