/** What the applicant is told about their request, and when: rules for the account pages. */
import { isResponseWindowOpen } from './responseWindow.ts';
import type { RequestStatus } from './requestStatus.ts';

const DAY_MS = 86_400_000;

/** Policy default: a rejected applicant may apply again this many days after being told. */
export const DEFAULT_REAPPLY_AFTER_DAYS = 90;

/** The first moment a rejected applicant may apply again. */
export function reapplyAllowedFrom(rejectionReleasedAt: Date, reapplyAfterDays: number): Date {
  if (!Number.isInteger(reapplyAfterDays) || reapplyAfterDays < 0) {
    throw new RangeError('The waiting period before applying again must be a whole number of days ≥ 0');
  }
  return new Date(rejectionReleasedAt.getTime() + reapplyAfterDays * DAY_MS);
}

export function mayReapply(rejectionReleasedAt: Date, reapplyAfterDays: number, now: Date): boolean {
  return now.getTime() >= reapplyAllowedFrom(rejectionReleasedAt, reapplyAfterDays).getTime();
}

/** States, as the applicant sees them, in which the request is still being studied. */
const UNDER_STUDY: readonly RequestStatus[] = ['submitted', 'in_verification', 'referred', 'ready_for_committee', 'with_committee'];

export function isUnderStudyForApplicant(statusSeenByApplicant: RequestStatus): boolean {
  return UNDER_STUDY.includes(statusSeenByApplicant);
}

/**
 * The "earliest response date" is a promise about the future: it means nothing once the request
 * is answered, withdrawn or waiting on the applicant, nor once that date has come.
 */
export function showsEarliestResponse(
  statusSeenByApplicant: RequestStatus,
  windowOpensAt: Date | null,
  now: Date,
): boolean {
  return windowOpensAt !== null && isUnderStudyForApplicant(statusSeenByApplicant) && !isResponseWindowOpen(windowOpensAt, now);
}
