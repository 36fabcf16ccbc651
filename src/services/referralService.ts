import type { DataAccess } from '../data/index.ts';
import { isBefore, parseDateParts, todayIso, type IsoDate } from '../domain/dates.ts';
import { ageInDays, deadlineOf, isOverdue, type Deadlines } from '../domain/workQueues.ts';
import type { FieldError } from '../domain/formValidation.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { assertTransition, assertVersion, changeStatus, loadRequest, requireStaff } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import { NotFoundError, TransitionRefusedError, VersionConflictError } from './errors.ts';

import { isReferralReason, REFERRAL_TEXT_MAX_LENGTH } from '../domain/referral.ts';

type Outcome<T = { version: number }> = ({ ok: true } & T) | { ok: false; errors: FieldError[] };

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

function checkText(errors: FieldError[], field: string, value: string, requiredCode: string | null) {
  if (requiredCode && value === '') errors.push({ field, code: requiredCode });
  else if ([...value].length > REFERRAL_TEXT_MAX_LENGTH) errors.push({ field, code: 'staff:errors.textTooLong' });
}

export interface AnswerInput {
  answer: unknown;
  findings: unknown;
  recommendation: unknown;
  visitDate: { day?: unknown; month?: unknown; year?: unknown; calendar?: unknown };
  close: boolean;
}

/** Officers refer unclear cases; the social researcher answers, may add a report, and closes. */
export function referralService(data: DataAccess, clock: Clock, deadlines: Pick<Deadlines, 'referralDays'>, timeZone: string) {
  return {
    refer: (requestId: number, input: { reason: unknown; question: unknown }, expectedVersion: number, context: ActingContext): Promise<Outcome> =>
      data.transaction(async (repositories) => {
        const request = await loadRequest(repositories, requestId);
        assertVersion(request, expectedVersion);
        assertTransition(request, 'refer', context);
        const errors: FieldError[] = [];
        const reason = text(input.reason);
        if (!isReferralReason(reason)) errors.push({ field: 'reason', code: 'staff:errors.referralReasonRequired' });
        const question = text(input.question);
        checkText(errors, 'question', question, 'staff:errors.referralQuestionRequired');
        if (errors.length > 0) return { ok: false, errors };
        const staff = requireStaff(context);
        const referral = await repositories.casework.addReferral({ requestId, reason, question, referredById: staff.id, referredAt: clock.now() });
        const result = await changeStatus(repositories, context, request, 'refer', expectedVersion, {
          auditAction: 'request.referred',
          visibleToBeneficiary: false,
          details: { referralId: referral.id, reason },
        });
        return { ok: true, version: result.version };
      }),

    /** Open referrals, oldest first, each with its age and whether the researcher's deadline has passed. */
    queue: async () => {
      const now = clock.now();
      return (await data.repositories.casework.openReferralQueue()).map((referral) => ({
        ...referral,
        ageDays: ageInDays(referral.referredAt, now),
        dueBy: deadlineOf(referral.referredAt, deadlines.referralDays),
        overdue: isOverdue(referral.referredAt, deadlines.referralDays, now),
      }));
    },

    get: async (referralId: number) => {
      const referral = await data.repositories.casework.findReferral(referralId);
      if (!referral) throw new NotFoundError();
      const request = await loadRequest(data.repositories, referral.requestId);
      return { referral, request };
    },

    /** Saves the answer and report; with `close` it also returns the file to verification. */
    answer: (referralId: number, input: AnswerInput, expectedVersion: number, context: ActingContext): Promise<Outcome> =>
      data.transaction(async (repositories) => {
        const referral = await repositories.casework.findReferral(referralId);
        if (!referral) throw new NotFoundError();
        const request = await loadRequest(repositories, referral.requestId);
        assertVersion(request, expectedVersion);
        const staff = requireStaff(context);
        if (!staff.roles.includes('social_researcher')) throw new TransitionRefusedError('transition.roleNotAllowed');
        if (referral.closedAt) throw new TransitionRefusedError('research:errors.alreadyClosed');
        if (input.close) assertTransition(request, 'close_referral', context);

        const errors: FieldError[] = [];
        const answer = text(input.answer);
        const findings = text(input.findings);
        const recommendation = text(input.recommendation);
        checkText(errors, 'answer', answer, 'research:errors.answerRequired');
        checkText(errors, 'findings', findings, null);
        checkText(errors, 'recommendation', recommendation, null);
        let visitDate: IsoDate | null = null;
        const { day, month, year } = input.visitDate;
        const dateTyped = [day, month, year].some((part) => text(part) !== '');
        if (dateTyped) {
          const parsed = parseDateParts(input.visitDate as Parameters<typeof parseDateParts>[0]);
          if (parsed.ok && isBefore(todayIso(clock.now(), timeZone), parsed.iso)) errors.push({ field: 'visitDate-day', code: 'research:errors.visitDateFuture' });
          else if (parsed.ok) visitDate = parsed.iso;
          else errors.push({ field: `visitDate-${parsed.part}`, code: 'research:errors.visitDateInvalid' });
        }
        if (errors.length > 0) return { ok: false, errors };

        await repositories.casework.answerReferral(referralId, {
          answer,
          answeredById: staff.id,
          answeredAt: clock.now(),
          visitDate,
          findings: findings || null,
          recommendation: recommendation || null,
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'referral.answered',
          entityType: 'referral',
          entityId: referralId,
          requestId: request.id,
          visibleToBeneficiary: false,
          details: { hasReport: Boolean(visitDate || findings || recommendation) },
        });
        if (!input.close) {
          // Saving an answer changes the file the officers see, so it takes the request's version too.
          const touched = await repositories.requests.touch(request.id, expectedVersion);
          if (!touched.ok) throw new VersionConflictError();
          return { ok: true, version: touched.version };
        }
        await repositories.casework.closeReferral(referralId, clock.now());
        const result = await changeStatus(repositories, context, request, 'close_referral', expectedVersion, {
          auditAction: 'referral.closed',
          visibleToBeneficiary: false,
          details: { referralId },
        });
        return { ok: true, version: result.version };
      }),
  };
}
export type ReferralService = ReturnType<typeof referralService>;
