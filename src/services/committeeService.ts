import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import type { QueuePage, QueueRow, QueueView } from '../data/committeeRepository.ts';
import { householdIncome } from '../domain/householdIncome.ts';
import { isRequestStatus, type RequestAction } from '../domain/requestStatus.ts';
import { daysWaiting, isOverdue, isResponseWindowOpen } from '../domain/responseWindow.ts';
import { hasAnyRole } from '../domain/roles.ts';
import type { DecisionInput, RecommendationChoice } from '../domain/committeeDecision.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { assertTransition, saveStatus } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import type { DecisionReleaseService } from './decisionReleaseService.ts';
import { NotFoundError, TransitionRefusedError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

export const COMMITTEE_PAGE_SIZE = 25;
const notWithCommittee = () => new TransitionRefusedError('committee:errors.notWithCommittee');

const DECISION_ACTIONS: Record<DecisionInput['outcome'], RequestAction> = {
  accept: 'decide_accept',
  reject: 'decide_reject',
  more_info: 'return_for_info',
};

export interface QueueResult {
  total: number;
  pageCount: number;
  rows: readonly (QueueRow & { daysWaiting: number; overdue: boolean; windowOpen: boolean })[];
}

export interface QueueQuery {
  view: QueueView;
  city?: string;
  supportType?: string;
  overdue?: boolean;
  page: number;
}

export function committeeService(
  data: DataAccess,
  config: Config,
  clock: Clock,
  notifications: NotificationService,
  release: DecisionReleaseService,
) {
  const queueResults = new WeakMap<QueuePage, { minute: number; result: QueueResult }>();
  return {
    /**
     * One page of the queue. While the data layer serves the same cached page, the same result
     * object comes back (its time-dependent flags worked out once a minute), so the web layer
     * can reuse what it rendered from it.
     */
    async queue(query: QueueQuery): Promise<QueueResult> {
      const now = clock.now();
      const minute = Math.floor(now.getTime() / 60_000);
      const page = await data.repositories.committee.queue(
        {
          view: query.view,
          city: query.city,
          supportType: query.supportType,
          // Whole minutes: the cut-off then names the same cached queue page for a minute.
          submittedOnOrBefore: query.overdue
            ? new Date(minute * 60_000 - config.overdueAfterDays * 86_400_000)
            : undefined,
        },
        query.page,
        COMMITTEE_PAGE_SIZE,
      );
      const known = queueResults.get(page);
      if (known && known.minute === minute) return known.result;
      const result: QueueResult = {
        total: page.total,
        pageCount: Math.max(1, Math.ceil(page.total / COMMITTEE_PAGE_SIZE)),
        rows: page.rows.map((row) => ({
          ...row,
          daysWaiting: row.submittedAt ? daysWaiting(row.submittedAt, now) : 0,
          overdue: row.submittedAt
            ? isOverdue(
                { submittedAt: row.submittedAt, decided: row.status !== 'with_committee' },
                now,
                config.overdueAfterDays,
              )
            : false,
          windowOpen: row.responseWindowOpensAt
            ? isResponseWindowOpen(row.responseWindowOpensAt, now)
            : false,
        })),
      };
      queueResults.set(page, { minute, result });
      return result;
    },

    /** The whole file, with staff names resolved and the full (staff) timeline. */
    async file(requestId: number) {
      const request = await data.repositories.committee.file(requestId);
      if (!request) return null;
      const staffIds = [
        ...request.verificationLines.map((line) => line.staffId),
        ...request.referrals.flatMap((referral) => [
          referral.referredById,
          referral.answeredById ?? 0,
        ]),
        ...request.recommendations.map((recommendation) => recommendation.memberId),
        ...request.decisions.map((decision) => decision.decidedById),
        ...request.registrationItems.map((item) => item.staffId),
        ...request.services.map((service) => service.deliveredById),
      ].filter((id) => id > 0);
      const [staffNames, timeline] = await Promise.all([
        data.repositories.committee.staffNames(staffIds),
        data.repositories.audit.forRequest(requestId, false),
      ]);
      const now = clock.now();
      return {
        request,
        staffNames,
        timeline,
        windowOpen: request.responseWindowOpensAt
          ? isResponseWindowOpen(request.responseWindowOpensAt, now)
          : false,
        daysWaiting: request.submittedAt ? daysWaiting(request.submittedAt, now) : 0,
        latestDecision: request.decisions[0] ?? null,
        household: householdIncome(request),
      };
    },

    async recordRecommendation(
      context: ActingContext & { kind: 'staff' },
      requestId: number,
      input: { recommendation: RecommendationChoice; note: string },
    ): Promise<void> {
      if (!hasAnyRole(context.roles, ['committee_member', 'committee_chair'])) {
        throw new TransitionRefusedError('transition.roleNotAllowed');
      }
      return data.transaction(async (repositories) => {
        const request = await repositories.committee.findForAction(requestId);
        if (!request) throw new NotFoundError();
        if (request.status !== 'with_committee') throw notWithCommittee();
        const now = clock.now();
        const saved = await repositories.committee.upsertRecommendation({
          requestId,
          memberId: context.id,
          recommendation: input.recommendation,
          note: input.note,
          at: now,
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'recommendation.recorded',
          entityType: 'recommendation',
          entityId: saved.id,
          requestId,
          details: { recommendation: input.recommendation },
          at: now,
        });
      });
    },

    /**
     * Accept and reject are kept unreleased until the response window opens (the two-week
     * floor); a return for more information is not an answer, so the applicant hears at once.
     */
    async recordDecision(
      context: ActingContext & { kind: 'staff' },
      requestId: number,
      input: DecisionInput,
    ): Promise<{ released: boolean }> {
      return data.transaction(async (repositories) => {
          const request = await repositories.committee.findForAction(requestId);
          if (!request) throw new NotFoundError();
          if (!isRequestStatus(request.status)) throw notWithCommittee();
          const to = assertTransition(request, DECISION_ACTIONS[input.outcome], context);
          const now = clock.now();
          const decision = await repositories.committee.createDecision({
            requestId,
            outcome: input.outcome,
            approvedSupportType: input.outcome === 'accept' ? input.approvedSupportType : null,
            amount: input.outcome === 'accept' ? input.amount : null,
            quantity: input.outcome === 'accept' ? input.quantity : null,
            durationMonths: input.outcome === 'accept' ? input.durationMonths : null,
            rejectionReason: input.outcome === 'reject' ? input.rejectionReason : null,
            note: input.note,
            decidedById: context.id,
            decidedAt: now,
            releasedAt: input.outcome === 'more_info' ? now : null,
            beneficiaryNote: input.outcome === 'more_info' ? null : (input.beneficiaryNote ?? null),
          });
          await saveStatus(repositories, requestId, request.version, to);
          await repositories.audit.append({
            ...auditActor(context),
            action: 'decision.recorded',
            entityType: 'decision',
            entityId: decision.id,
            requestId,
            details: { outcome: input.outcome, from: request.status, to },
            at: now,
          });

          if (input.outcome === 'more_info') {
            await repositories.casework.addInfoRequest({
              requestId,
              items: [input.note],
              requestedById: context.id,
              requestedByRole: 'committee_chair',
              requestedAt: now,
            });
            await repositories.audit.append({
              ...auditActor(context),
              action: 'request.returned_for_info',
              entityType: 'request',
              entityId: requestId,
              requestId,
              visibleToBeneficiary: true,
              details: { items: [input.note], by: 'committee' },
              at: now,
            });
            await notifications.notifyApplicant(repositories, request, {
              template: 'decisionReleasedMoreInfo',
              dedupeKey: `committee-more-info:${decision.id}`,
            });
            return { released: true };
          }
          const released = await release.releaseWithin(repositories, decision.id, now, context);
          return { released };
      });
    },
  };
}
export type CommitteeService = ReturnType<typeof committeeService>;

