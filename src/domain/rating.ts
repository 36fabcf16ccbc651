/** Managers see comments only for a period with at least this many ratings, so none can be singled out. */
export const COMMENTS_MIN_RATINGS = 5;

export type RatingContext = 'decision' | 'service';

/** The moments a rating is offered: once the decision is released, and after each service (oldest first). */
export function ratingOccasions(input: { requestId: number; decisionReleasedAt: Date | null; serviceIds: readonly number[] }): string[] {
  return [...(input.decisionReleasedAt ? [`decision:${input.requestId}`] : []), ...input.serviceIds.map((id) => `service:${id}`)];
}

/**
 * The occasions one rating answers: every one not yet rated. A single rating speaks for all that
 * happened since the last one, so the person is not asked twice about the same experience.
 */
export function openRatingOccasions(occasions: readonly string[], answered: readonly string[]): string[] {
  const done = new Set(answered);
  return occasions.filter((key) => !done.has(key));
}

export function ratingContextOf(occasions: readonly string[]): RatingContext {
  return occasions.some((key) => key.startsWith('service:')) ? 'service' : 'decision';
}

/** A rating keeps only the month it was given (as its first day), never the moment. */
export function ratingPeriodStart(localDayIso: string): Date {
  return new Date(`${localDayIso.slice(0, 7)}-01T00:00:00.000Z`);
}

/** The month after a period's first day, for "within the period" reads. */
export function nextRatingPeriod(periodStart: Date): Date {
  return new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 1));
}

export function parseRatingPeriod(value: unknown): Date | null {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? new Date(`${value}-01T00:00:00.000Z`) : null;
}

export function commentsVisible(ratingsInPeriod: number): boolean {
  return ratingsInPeriod >= COMMENTS_MIN_RATINGS;
}
