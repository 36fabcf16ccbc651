import type { DataAccess, Repositories } from '../data/index.ts';
import { todayIso } from '../domain/dates.ts';
import { changeReasonErrors, checkServiceDelivery, type ServiceApproval } from '../domain/serviceDelivery.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { InvalidInputError, NotFoundError, TransitionRefusedError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';
import { inviteToRate } from './ratingService.ts';

export interface ServiceDeliveryInput {
  serviceType: string;
  amount: number | null;
  quantity: number | null;
  deliveredOn: string;
  note: string | null;
  /** Required when the delivery goes beyond the approval. */
  exceedReason?: string | null;
}

const alreadyCancelled = () => new TransitionRefusedError('committee:errors.serviceCancelled');

export function serviceDeliveryService(data: DataAccess, clock: Clock, notifications: NotificationService, timeZone: string) {
  async function approvalOf(repositories: Repositories, requestId: number): Promise<ServiceApproval | null> {
    const decision = await repositories.committee.acceptedDecision(requestId);
    if (!decision) return null;
    return {
      supportType: decision.approvedSupportType,
      amount: decision.amount,
      quantity: decision.quantity,
      durationMonths: decision.durationMonths,
      startsOn: todayIso(decision.decidedAt, timeZone),
    };
  }

  /** The one check of a delivery against the approval, for recording and for correcting. */
  async function check(repositories: Repositories, requestId: number, input: ServiceDeliveryInput, exceptServiceId: number | null) {
    const approval = await approvalOf(repositories, requestId);
    if (!approval) return { errors: [], exceedances: [] };
    return checkServiceDelivery({
      approval,
      delivered: await repositories.committee.deliveredUnderApproval(requestId, exceptServiceId),
      service: input,
      exceedReason: input.exceedReason ?? null,
      today: todayIso(clock.now(), timeZone),
    });
  }

  const facts = (service: { serviceType: string; amount: number | null; quantity: number | null; deliveredOn: string }) => ({
    serviceType: service.serviceType,
    amount: service.amount,
    quantity: service.quantity,
    deliveredOn: service.deliveredOn,
  });

  return {
    async record(context: ActingContext & { kind: 'staff' }, requestId: number, input: ServiceDeliveryInput): Promise<{ id: number }> {
      return data.transaction(async (repositories) => {
        const request = await repositories.committee.findForAction(requestId);
        if (!request) throw new NotFoundError();
        if (request.status !== 'registered') throw new TransitionRefusedError('committee:errors.notRegistered');
        const { errors, exceedances } = await check(repositories, requestId, input, null);
        if (errors.length > 0) throw new InvalidInputError(errors);
        const now = clock.now();
        const exceedReason = exceedances.length > 0 ? (input.exceedReason?.trim() ?? null) : null;
        const delivery = await repositories.committee.createServiceDelivery({
          requestId,
          beneficiaryId: request.beneficiary.id,
          deliveredById: context.id,
          serviceType: input.serviceType,
          amount: input.amount,
          quantity: input.quantity,
          deliveredOn: input.deliveredOn,
          note: input.note,
          exceedReason,
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'service.delivered',
          entityType: 'service_delivery',
          entityId: delivery.id,
          requestId,
          visibleToBeneficiary: true,
          details: { serviceType: input.serviceType, deliveredOn: input.deliveredOn, ...(exceedances.length > 0 ? { exceedances, exceedReason } : {}) },
          at: now,
        });
        await notifications.notifyApplicant(repositories, request, {
          template: 'serviceDelivered',
          dedupeKey: `service-delivered:${delivery.id}`,
        });
        await inviteToRate(notifications, repositories, request, `service:${delivery.id}`);
        return { id: delivery.id };
      });
    },

    /** One recorded service, for its correction page; null when it is not this request's. */
    find: (requestId: number, serviceId: number) => data.repositories.committee.findServiceDelivery(requestId, serviceId),

    /** Corrects a recorded service in place; what it was and why it changed go to the audit trail. */
    async correct(context: ActingContext & { kind: 'staff' }, requestId: number, serviceId: number, input: ServiceDeliveryInput & { reason: string | null }): Promise<{ id: number }> {
      return data.transaction(async (repositories) => {
        const service = await repositories.committee.findServiceDelivery(requestId, serviceId);
        if (!service) throw new NotFoundError();
        if (service.cancelledAt) throw alreadyCancelled();
        const { errors, exceedances } = await check(repositories, requestId, input, serviceId);
        const allErrors = [...changeReasonErrors(input.reason), ...errors];
        if (allErrors.length > 0) throw new InvalidInputError(allErrors);
        const now = clock.now();
        const reason = input.reason!.trim();
        const exceedReason = exceedances.length > 0 ? (input.exceedReason?.trim() ?? null) : null;
        const changed = await repositories.committee.correctServiceDelivery(serviceId, { ...facts(input), note: input.note, exceedReason, correctedAt: now, correctionReason: reason });
        if (!changed) throw alreadyCancelled();
        await repositories.audit.append({
          ...auditActor(context),
          action: 'service.corrected',
          entityType: 'service_delivery',
          entityId: serviceId,
          requestId,
          visibleToBeneficiary: false,
          details: { reason, before: facts(service), after: facts(input), ...(exceedances.length > 0 ? { exceedances, exceedReason } : {}) },
          at: now,
        });
        return { id: serviceId };
      });
    },

    /** Cancels a service recorded in error; it stays on the staff list and leaves the beneficiary's. */
    async cancel(context: ActingContext & { kind: 'staff' }, requestId: number, serviceId: number, reason: string | null): Promise<{ id: number }> {
      return data.transaction(async (repositories) => {
        const service = await repositories.committee.findServiceDelivery(requestId, serviceId);
        if (!service) throw new NotFoundError();
        if (service.cancelledAt) throw alreadyCancelled();
        const errors = changeReasonErrors(reason);
        if (errors.length > 0) throw new InvalidInputError(errors);
        const now = clock.now();
        if (!(await repositories.committee.cancelServiceDelivery(serviceId, { cancelledAt: now, cancelledById: context.id, cancelReason: reason!.trim() }))) throw alreadyCancelled();
        await repositories.audit.append({
          ...auditActor(context),
          action: 'service.cancelled',
          entityType: 'service_delivery',
          entityId: serviceId,
          requestId,
          visibleToBeneficiary: false,
          details: { reason: reason!.trim(), service: facts(service) },
          at: now,
        });
        return { id: serviceId };
      });
    },

    /** What the beneficiary's account page lists; the staff note stays internal. */
    listForBeneficiary: async (beneficiaryId: number) =>
      (await data.repositories.committee.servicesForBeneficiary(beneficiaryId)).map(({ note: _note, ...service }) => service),
  };
}
export type ServiceDeliveryService = ReturnType<typeof serviceDeliveryService>;
