import { REQUEST_STATUSES, isOpenStatus, type RequestStatus } from './requestStatus.ts';

/** Submitted and not finished. Drafts are the applicant's, not the association's. */
export const OPEN_WORK_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter(
  (status) => status !== 'draft' && isOpenStatus(status),
);

/** Answers recorded but held until the response window opens. */
export const ANSWERED_STATUSES: readonly RequestStatus[] = ['accepted', 'rejected'];

/**
 * Work in hand: an open request, or an answer the applicant has not been told yet — telling them
 * is still the association's job, so a held rejection counts although the request is finished.
 */
export function isWorkInHand(status: RequestStatus, { decisionReleased }: { decisionReleased: boolean }): boolean {
  return OPEN_WORK_STATUSES.includes(status) || (ANSWERED_STATUSES.includes(status) && !decisionReleased);
}

/** The held answers that no open-status row already counts, so no request is counted twice. */
export function heldAnswersOutsideOpenWork(held: readonly { status: string; count: number }[]): number {
  return held
    .filter((row) => !OPEN_WORK_STATUSES.includes(row.status as RequestStatus))
    .reduce((total, row) => total + row.count, 0);
}
