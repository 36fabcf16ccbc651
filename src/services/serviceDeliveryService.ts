import type { DataAccess } from '../data/index.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { NotFoundError, TransitionRefusedError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

export interface ServiceDeliveryInput {
  serviceType: string;
  amount: number | null;
  quantity: number | null;
  deliveredOn: string;
  note: string | null;
}

export function serviceDeliveryService(data: DataAccess, clock: Clock, notifications: NotificationService) {
  return {
    async record(context: ActingContext & { kind: 'staff' }, requestId: number, input: ServiceDeliveryInput): Promise<{ id: number }> {
      return data.transaction(async (repositories) => {
        const request = await repositories.committee.findForAction(requestId);
        if (!request) throw new NotFoundError();
        if (request.status !== 'registered') throw new TransitionRefusedError('committee:errors.notRegistered');
        const now = clock.now();
        const delivery = await repositories.committee.createServiceDelivery({
          requestId,
          beneficiaryId: request.beneficiary.id,
          deliveredById: context.id,
          ...input,
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'service.delivered',
          entityType: 'service_delivery',
          entityId: delivery.id,
          requestId,
          visibleToBeneficiary: true,
          details: { serviceType: input.serviceType, deliveredOn: input.deliveredOn },
          at: now,
        });
        await notifications.notifyApplicant(repositories, request, {
          template: 'serviceDelivered',
          dedupeKey: `service-delivered:${delivery.id}`,
        });
        return { id: delivery.id };
      });
    },

    /** What the beneficiary's account page lists; the staff note stays internal. */
    listForBeneficiary: async (beneficiaryId: number) =>
      (await data.repositories.committee.servicesForBeneficiary(beneficiaryId)).map(({ note: _note, ...service }) => service),
  };
}
export type ServiceDeliveryService = ReturnType<typeof serviceDeliveryService>;
