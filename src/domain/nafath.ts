/**
 * Nafath MFA (the national single sign-on's app-push flow): the portal asks for a request, shows the
 * number Nafath returns, and the person chooses that number in the Nafath app. Only a result signed by
 * Nafath counts; these rules say what a request's state means and when it stops being worth waiting for.
 */

/** Statuses as Nafath's status endpoint and callback report them. */
export const NAFATH_PROVIDER_STATUSES = ['WAITING', 'COMPLETED', 'REJECTED', 'EXPIRED'] as const;
export type NafathProviderStatus = (typeof NAFATH_PROVIDER_STATUSES)[number];

/** Our record of a request: `timed_out` is ours, when Nafath never answered within the request's life. */
export type NafathRequestStatus = 'waiting' | 'completed' | 'rejected' | 'expired' | 'timed_out';
export type NafathPurpose = 'sign_in' | 'mobile_change';

/** Nafath keeps a request open for about three minutes; we wait a little longer for a late callback. */
export const NAFATH_REQUEST_TTL_SECONDS = 180;
export const NAFATH_GRACE_SECONDS = 30;
/** The waiting page reloads itself this often (a meta refresh: it works without JavaScript). */
export const NAFATH_POLL_SECONDS = 5;

export const nafathRequestExpiresAt = (createdAt: Date): Date =>
  new Date(createdAt.getTime() + (NAFATH_REQUEST_TTL_SECONDS + NAFATH_GRACE_SECONDS) * 1000);

export function fromProviderStatus(status: NafathProviderStatus): NafathRequestStatus {
  return ({ WAITING: 'waiting', COMPLETED: 'completed', REJECTED: 'rejected', EXPIRED: 'expired' } as const)[status];
}

/** What the person sees now: still waiting, or an outcome that will not change. */
export function nafathRequestState(
  request: { status: NafathRequestStatus; expiresAt: Date; consumedAt: Date | null },
  now: Date,
): NafathRequestStatus | 'used' {
  if (request.consumedAt) return 'used';
  if (request.status === 'waiting' && request.expiresAt <= now) return 'timed_out';
  return request.status;
}

/**
 * A signed result is trusted only for the request it answers: same transaction, same national ID, and
 * a status of COMPLETED. Anything else (a token from another request, a rejection) proves nothing.
 */
export function resultProves(
  claims: { transId: string; nationalId: string; status: string },
  request: { transId: string; nationalId: string },
): boolean {
  return claims.status === 'COMPLETED' && claims.transId === request.transId && claims.nationalId === request.nationalId;
}
