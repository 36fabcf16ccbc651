import type { DataAccess } from '../data/index.ts';
import type { FieldError } from '../domain/formValidation.ts';
import type { ActingContext } from './actor.ts';
import { changeStatus, loadRequest } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

export const MAX_WITHDRAWAL_REASON_LENGTH = 1000;

export type WithdrawalResult = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * The applicant, or a relations officer on their behalf, withdraws a request that has not reached
 * the committee (the state machine says which). The applicant may then apply again.
 */
export function withdrawalService(
  data: DataAccess,
  clock: Clock,
  notifications: NotificationService,
) {
  return {
    async withdraw(
      requestId: number,
      reason: string,
      expectedVersion: number,
      context: ActingContext,
    ): Promise<WithdrawalResult> {
      const given = reason.trim();
      // Staff act for someone else, so the file must say why; the applicant owes no reason.
      if (context.kind === 'staff' && given === '')
        return { ok: false, errors: [{ field: 'reason', code: 'staff:withdraw.reasonRequired' }] };
      if (given.length > MAX_WITHDRAWAL_REASON_LENGTH) {
        return {
          ok: false,
          errors: [
            {
              field: 'reason',
              code:
                context.kind === 'staff'
                  ? 'staff:withdraw.reasonTooLong'
                  : 'account:withdraw.reasonTooLong',
            },
          ],
        };
      }
      await data.transaction(async (repositories) => {
        const request = await loadRequest(repositories, requestId);
        // Someone else's request is indistinguishable from a missing one.
        if (context.kind === 'beneficiary' && request.beneficiaryId !== context.id)
          throw new NotFoundError();
        await changeStatus(repositories, context, request, 'withdraw', expectedVersion, {
          extra: { closedAt: clock.now() },
          auditAction: 'request.withdrawn',
          visibleToBeneficiary: true,
          details: given ? { reason: given } : {},
        });
        // A draft was never received, so there is nobody to tell.
        if (request.reference) {
          await notifications.notifyApplicant(repositories, request, {
            template: 'requestWithdrawn',
            dedupeKey: `request-withdrawn:${request.id}`,
          });
        }
      });
      return { ok: true };
    },
  };
}
export type WithdrawalService = ReturnType<typeof withdrawalService>;
