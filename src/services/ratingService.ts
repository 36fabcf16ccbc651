import type { DataAccess, Repositories } from '../data/index.ts';
import { todayIso } from '../domain/dates.ts';
import { commentsVisible, nextRatingPeriod, openRatingOccasions, ratingContextOf, ratingOccasions, ratingPeriodStart } from '../domain/rating.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import type { NotificationService, RequestApplicant } from './notificationService.ts';
import { NotFoundError, TransitionRefusedError } from './errors.ts';

export interface RatingInput {
  score: number;
  easeScore: number;
  comment: string | null;
  anonymous: boolean;
}

/**
 * The invitation to rate, sent once per occasion (the dedupe key) and only to people who agreed to
 * optional messages (the outbox applies src/domain/consent.ts).
 */
export function inviteToRate(notifications: NotificationService, repositories: Repositories, request: RequestApplicant, occasion: string) {
  return notifications.notifyApplicant(repositories, request, { template: 'ratingInvitation', dedupeKey: `rating-invitation:${occasion}` });
}

export function ratingService(data: DataAccess, clock: Clock, timeZone: string) {
  async function openOccasions(repositories: Repositories, requestId: number) {
    const target = await repositories.feedback.ratingTarget(requestId);
    if (!target) return null;
    return { target, open: openRatingOccasions(ratingOccasions({ requestId, decisionReleasedAt: target.decisionReleasedAt, serviceIds: target.serviceIds }), target.answered) };
  }

  return {
    /** null for a request that is not the beneficiary's own, so it cannot be probed. */
    async target(context: ActingContext & { kind: 'beneficiary' }, requestId: number) {
      const found = await openOccasions(data.repositories, requestId);
      if (!found || found.target.beneficiaryId !== context.id) return null;
      return { id: found.target.id, reference: found.target.reference, offered: found.open.length > 0 };
    },

    async rate(context: ActingContext & { kind: 'beneficiary' }, requestId: number, input: RatingInput): Promise<void> {
      return data.transaction(async (repositories) => {
        const found = await openOccasions(repositories, requestId);
        if (!found || found.target.beneficiaryId !== context.id) throw new NotFoundError();
        if (found.open.length === 0 || !(await repositories.feedback.markOccasionsAnswered(requestId, found.open))) {
          throw new TransitionRefusedError('feedback:errors.notRateable');
        }
        const now = clock.now();
        const rating = await repositories.feedback.addRating({
          score: input.score,
          easeScore: input.easeScore,
          comment: input.comment,
          anonymous: input.anonymous,
          beneficiaryId: input.anonymous ? null : context.id,
          requestId: input.anonymous ? null : requestId,
          context: ratingContextOf(found.open),
          // The month only, for every rating: a named one's time would narrow down the anonymous ones beside it.
          createdAt: ratingPeriodStart(todayIso(now, timeZone)),
        });
        // An anonymous rating leaves no trail at all: no audit entry, no timeline line, no time on the request.
        if (!input.anonymous) {
          await repositories.audit.append({
            ...auditActor(context),
            action: 'request.rated',
            entityType: 'rating',
            entityId: rating.id,
            requestId,
            visibleToBeneficiary: true,
            at: now,
          });
        }
      });
    },

    /** One month's figures; comments only when the month has enough ratings that none stands out. */
    summary: (periodStart: Date) =>
      data.repositories.feedback.ratingSummary({ from: periodStart, to: nextRatingPeriod(periodStart) }, commentsVisible),
  };
}
