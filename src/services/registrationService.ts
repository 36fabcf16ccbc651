import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { formatFileNumber, missingRegistrationItems } from '../domain/registration.ts';
import { isRequestStatus } from '../domain/requestStatus.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { assertTransition, saveStatus } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import { NotFoundError, TransitionRefusedError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

const notReleased = () => new TransitionRefusedError('committee:errors.decisionNotReleased');
const notAccepted = () => new TransitionRefusedError('committee:errors.notAccepted');

/**
 * File numbers share the reference counter table under a year that cannot occur (0);
 * the increment takes SQLite's write lock, so two registrations never get the same number.
 */
export const FILE_NUMBER_COUNTER_KEY = 0;

/** After an accepted decision is released: the officer completes the checklist, then registers. */
export function registrationService(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService) {
  return {
    async checklist(requestId: number) {
      const request = await data.repositories.committee.findForAction(requestId);
      if (!request) return null;
      const done = await data.repositories.committee.registrationItems(requestId);
      return {
        request,
        required: config.registrationItems,
        done,
        missing: missingRegistrationItems(config.registrationItems, done.map((item) => item.item)),
      };
    },

    async completeItems(context: ActingContext & { kind: 'staff' }, requestId: number, items: string[]): Promise<void> {
      return data.transaction(async (repositories) => {
        const request = await repositories.committee.findForAction(requestId);
        if (!request) throw new NotFoundError();
        if (request.status !== 'accepted') throw notAccepted();
        if (!request.decisionReleasedAt) throw notReleased();
        const now = clock.now();
        for (const item of items.filter((candidate) => config.registrationItems.includes(candidate))) {
          const saved = await repositories.committee.completeRegistrationItem({ requestId, item, staffId: context.id, at: now });
          await repositories.audit.append({
            ...auditActor(context),
            action: 'registration.item_completed',
            entityType: 'registration_item',
            entityId: saved.id,
            requestId,
            details: { item },
            at: now,
          });
        }
      });
    },

    async register(context: ActingContext & { kind: 'staff' }, requestId: number): Promise<{ fileNumber: string }> {
      return data.transaction(async (repositories) => {
          const request = await repositories.committee.findForAction(requestId);
          if (!request) throw new NotFoundError();
          if (!isRequestStatus(request.status)) throw notAccepted();
          const to = assertTransition(request, 'register', context);
          if (!request.decisionReleasedAt) throw notReleased();
          const done = await repositories.committee.registrationItems(requestId);
          if (missingRegistrationItems(config.registrationItems, done.map((item) => item.item)).length > 0) {
            throw new TransitionRefusedError('committee:errors.registrationIncomplete');
          }
          const now = clock.now();
          // A beneficiary served before keeps the file number they already have.
          const fileNumber =
            request.beneficiary.fileNumber ??
            formatFileNumber(config.referencePrefix, await repositories.requests.nextReferenceNumber(FILE_NUMBER_COUNTER_KEY));
          await repositories.committee.assignFileNumber(request.beneficiary.id, fileNumber, now);
          await saveStatus(repositories, requestId, request.version, to);
          await repositories.audit.append({
            ...auditActor(context),
            action: 'request.registered',
            entityType: 'request',
            entityId: requestId,
            requestId,
            visibleToBeneficiary: true,
            details: { fileNumber },
            at: now,
          });
          await notifications.notifyApplicant(repositories, request, {
            template: 'registrationComplete',
            params: { fileNumber },
            dedupeKey: `registration-complete:${requestId}`,
          });
          return { fileNumber };
      });
    },
  };
}
export type RegistrationService = ReturnType<typeof registrationService>;
