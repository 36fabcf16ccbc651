import type { DataAccess } from '../data/index.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { NotFoundError, TransitionRefusedError } from './errors.ts';
import { ratingOffered } from '../domain/rating.ts';

export interface RatingInput {
  score: number;
  easeScore: number;
  comment: string | null;
  anonymous: boolean;
}

export function ratingService(data: DataAccess, clock: Clock) {
  async function ownTarget(context: ActingContext & { kind: 'beneficiary' }, requestId: number) {
    const target = await data.repositories.feedback.ratingTarget(requestId);
    return target && target.beneficiaryId === context.id ? target : null;
  }

  return {
    /** null for a request that is not the beneficiary's own, so it cannot be probed. */
    async target(context: ActingContext & { kind: 'beneficiary' }, requestId: number) {
      const target = await ownTarget(context, requestId);
      return target ? { ...target, offered: ratingOffered(target) } : null;
    },

    async rate(context: ActingContext & { kind: 'beneficiary' }, requestId: number, input: RatingInput): Promise<void> {
      return data.transaction(async (repositories) => {
        const target = await repositories.feedback.ratingTarget(requestId);
        if (!target || target.beneficiaryId !== context.id) throw new NotFoundError();
        if (!ratingOffered(target)) throw new TransitionRefusedError('feedback:errors.notRateable');
        const now = clock.now();
        if (!(await repositories.feedback.markRequestRated(requestId, now))) throw new TransitionRefusedError('feedback:errors.notRateable');
        const rating = await repositories.feedback.addRating({
          score: input.score,
          easeScore: input.easeScore,
          comment: input.comment,
          anonymous: input.anonymous,
          beneficiaryId: input.anonymous ? null : context.id,
          requestId: input.anonymous ? null : requestId,
          context: target.servicesDelivered > 0 ? 'service' : 'decision',
          // Day precision only when anonymous, so the rating cannot be matched to the request's ratedAt by time.
          createdAt: input.anonymous ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) : now,
        });
        // An anonymous rating leaves no trail back to its author: the audit entry records only that the request was rated.
        await repositories.audit.append({
          ...auditActor(context),
          action: 'request.rated',
          entityType: input.anonymous ? 'request' : 'rating',
          entityId: input.anonymous ? requestId : rating.id,
          requestId,
          visibleToBeneficiary: true,
          at: now,
        });
      });
    },

    summary: () => data.repositories.feedback.ratingSummary(),
  };
}
