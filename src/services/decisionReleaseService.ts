import type { DataAccess, Repositories } from '../data/index.ts';
import { isDecisionReleasable } from '../domain/responseWindow.ts';
import { reapplyAllowedFrom } from '../domain/beneficiaryOutcome.ts';
import { auditActor, systemActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';
import { inviteToRate } from './ratingService.ts';

const RELEASE_BATCH = 200;

export function decisionReleaseTemplate(outcome: string): string {
  return outcome === 'accept' ? 'decisionReleasedAccepted' : 'decisionReleasedRejected';
}

/**
 * Tells the applicant a committee decision once the response window has opened. Safe to run
 * twice, concurrently or after a crash: the conditional update on `releasedAt` lets one run
 * win, and the notification's dedupe key stops a second message even if it did not.
 */
export function decisionReleaseService(data: DataAccess, clock: Clock, notifications: NotificationService) {
  async function releaseWithin(
    repositories: Repositories,
    decisionId: number,
    now: Date,
    context: ActingContext = systemActor,
  ): Promise<boolean> {
    const decision = await repositories.committee.decisionForRelease(decisionId);
    if (!decision || decision.outcome === 'more_info') return false;
    const windowOpensAt = decision.request.responseWindowOpensAt;
    if (!windowOpensAt || !isDecisionReleasable({ decidedAt: decision.decidedAt, releasedAt: decision.releasedAt, windowOpensAt }, now)) {
      return false;
    }
    const { request } = decision;
    if (!(await repositories.committee.markDecisionReleased(decision.id, request.id, now))) return false;
    await repositories.audit.append({
      ...auditActor(context),
      action: 'decision.released',
      entityType: 'decision',
      entityId: decision.id,
      requestId: request.id,
      visibleToBeneficiary: true,
      details: { outcome: decision.outcome },
      at: now,
    });
    await notifications.notifyApplicant(repositories, request, {
      template: decisionReleaseTemplate(decision.outcome),
      dedupeKey: `decision-released:${request.id}`,
    });
    await inviteToRate(notifications, repositories, request, `decision:${request.id}`);
    return true;
  }

  return {
    /**
     * What the applicant may read of the answer to their request: only once released, and without
     * the committee's internal note, which is not even read here.
     */
    async answerForApplicant(request: { id: number; decisionReleasedAt: Date | null }, reapplyAfterDays: number) {
      if (!request.decisionReleasedAt) return null;
      const decision = await data.repositories.committee.releasedAnswerFor(request.id);
      if (!decision?.releasedAt) return null;
      return {
        ...decision,
        reapplyFrom: decision.outcome === 'reject' ? reapplyAllowedFrom(decision.releasedAt, reapplyAfterDays) : null,
      };
    },

    /** For a decision recorded after the window opened: released in the deciding transaction. */
    releaseWithin,

    async releaseDue(): Promise<{ released: number }> {
      const now = clock.now();
      let released = 0;
      for (;;) {
        const due = await data.repositories.committee.releasableDecisions(now, RELEASE_BATCH);
        let releasedThisBatch = 0;
        for (const decision of due) {
          if (await data.transaction((repositories) => releaseWithin(repositories, decision.id, now))) {
            releasedThisBatch += 1;
          }
        }
        released += releasedThisBatch;
        // A batch where nothing could be released (another runner won) must not loop forever.
        if (due.length < RELEASE_BATCH || releasedThisBatch === 0) break;
      }
      return { released };
    },
  };
}
export type DecisionReleaseService = ReturnType<typeof decisionReleaseService>;
