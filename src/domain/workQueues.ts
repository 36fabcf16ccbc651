import type { RequestStatus } from './requestStatus.ts';
import type { StaffRole } from './roles.ts';

const DAY_MS = 86_400_000;

/** The staff home's queues, one per stage where a request waits for the association. */
export const WORK_QUEUES = ['awaiting_verification', 'returned_for_info', 'open_referrals', 'awaiting_registration', 'due_service'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/** Which requests wait in a status-defined queue, and from which moment their age is counted. */
export const STATUS_QUEUES = {
  // New, resubmitted and half-verified requests all wait for an officer's verification.
  awaiting_verification: { statuses: ['submitted', 'in_verification'] as RequestStatus[], since: 'submittedAt' },
  // Only a released acceptance can be registered (src/services/registrationService.ts refuses before).
  awaiting_registration: { statuses: ['accepted'] as RequestStatus[], since: 'decisionReleasedAt' },
} as const;

/** Days allowed for the answer to a request for information and for a researcher's referral. */
export interface Deadlines {
  infoRequestDays: number;
  referralDays: number;
  /** The one reminder to the applicant goes this many days before the information deadline. */
  reminderDaysBefore: number;
}

/** Whole days elapsed since a moment (0 on the day itself). */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

export function deadlineOf(since: Date, days: number): Date {
  return new Date(since.getTime() + days * DAY_MS);
}

/** Past its deadline: the deadline moment itself is still on time. */
export function isOverdue(since: Date, days: number, now: Date): boolean {
  return now.getTime() > deadlineOf(since, days).getTime();
}

/** The reminder window of a request for information: from `reminderDaysBefore` the deadline until the deadline. */
export function infoReminderDue(requestedAt: Date, deadlines: Deadlines, now: Date): boolean {
  const deadline = deadlineOf(requestedAt, deadlines.infoRequestDays);
  const opens = new Date(deadline.getTime() - deadlines.reminderDaysBefore * DAY_MS);
  return now.getTime() >= opens.getTime() && now.getTime() <= deadline.getTime();
}

/** The request times whose reminder window is open now: what the reminder job reads from the database. */
export function infoReminderWindow(deadlines: Deadlines, now: Date): { requestedOnOrBefore: Date; requestedOnOrAfter: Date } {
  return {
    requestedOnOrBefore: new Date(now.getTime() - (deadlines.infoRequestDays - deadlines.reminderDaysBefore) * DAY_MS),
    requestedOnOrAfter: new Date(now.getTime() - deadlines.infoRequestDays * DAY_MS),
  };
}

const SERVICE_INTERVAL_MONTHS = 1;

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/**
 * A registered beneficiary is due a service when none has been delivered yet, or, for support
 * approved over several months, when a month has passed since the last one and the approval runs.
 * Returns the moment the wait started, or null when nothing is due.
 */
export function serviceDueSince(
  input: { registeredAt: Date; lastServiceOn: Date | null; durationMonths: number | null },
  now: Date,
): Date | null {
  if (!input.lastServiceOn) return input.registeredAt;
  if (!input.durationMonths || input.durationMonths <= 1) return null;
  const approvalEnds = addMonths(input.registeredAt, input.durationMonths);
  const next = addMonths(input.lastServiceOn, SERVICE_INTERVAL_MONTHS);
  if (next.getTime() > now.getTime() || next.getTime() >= approvalEnds.getTime()) return null;
  return next;
}

/** Pages beyond the status buttons where the signed-in role acts on a request at its stage. */
export const STAGE_PAGES = ['registration', 'service_delivery'] as const;
export type StagePage = (typeof STAGE_PAGES)[number];

/** Mirrors the roles the registration and service routes accept, so the file never offers a refused page. */
export function stagePagesFor(status: RequestStatus, roles: readonly StaffRole[], { decisionReleased }: { decisionReleased: boolean }): StagePage[] {
  const pages: StagePage[] = [];
  if (status === 'accepted' && decisionReleased && roles.includes('relations_officer')) pages.push('registration');
  if (status === 'registered' && (roles.includes('relations_officer') || roles.includes('manager'))) pages.push('service_delivery');
  return pages;
}
