import type { DataAccess } from '../data/index.ts';
import type { DocumentStorage } from '../data/documentStorage.ts';
import {
  answerDueAt,
  dataRequestReference,
  decideAnswer,
  decideExtension,
  decideRefusal,
  destructionBlocker,
  OPEN_CASE_STATUSES,
  SUPPORT_RECORD_STATUSES,
  type DataRequestChannel,
  type DataRequestKind,
} from '../domain/dataRequests.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { NotFoundError, TransitionRefusedError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

type StaffContext = ActingContext & { kind: 'staff' };

export function dataRequestService(data: DataAccess, clock: Clock, notifications: NotificationService, storage: DocumentStorage) {
  async function notifyPerson(
    repositories: Parameters<Parameters<DataAccess['transaction']>[0]>[0],
    beneficiaryId: number,
    template: string,
    dedupeKey: string,
    params: Record<string, string | number>,
  ) {
    const person = await repositories.beneficiaries.findById(beneficiaryId);
    await notifications.enqueue(repositories, { template, params, beneficiaryId, mobile: person?.mobile ?? null, dedupeKey });
  }

  const dayOf = (date: Date) => date.toISOString().slice(0, 10);

  async function blockerFor(beneficiaryId: number) {
    return destructionBlocker(await data.repositories.personalData.destructionFacts(beneficiaryId, OPEN_CASE_STATUSES, SUPPORT_RECORD_STATUSES));
  }

  async function openRequest(id: number) {
    const request = await data.repositories.personalData.findDataRequest(id);
    if (!request) throw new NotFoundError();
    return request;
  }

  return {
    /** From the signed-in person, or recorded by an officer for a request made in person or orally. */
    async receive(
      context: ActingContext,
      input: { beneficiaryId: number; kind: DataRequestKind; details: string; channel: DataRequestChannel },
    ) {
      return data.transaction(async (repositories) => {
        const receivedAt = clock.now();
        const created = await repositories.personalData.createDataRequest(
          {
            beneficiaryId: input.beneficiaryId,
            kind: input.kind,
            details: input.details,
            channel: input.channel,
            recordedByStaffId: context.kind === 'staff' ? context.id : null,
            receivedAt,
            dueAt: answerDueAt(receivedAt),
          },
          (id) => dataRequestReference(id, receivedAt),
        );
        await repositories.audit.append({ ...auditActor(context), action: 'data_request.received', entityType: 'data_request', entityId: created.id, details: { kind: input.kind, channel: input.channel, beneficiaryId: input.beneficiaryId }, at: receivedAt });
        await notifyPerson(repositories, input.beneficiaryId, 'dataRequestReceived', `data-request:${created.id}:received`, { reference: created.reference, dueDate: dayOf(created.dueAt) });
        return created;
      });
    },

    ofBeneficiary: (beneficiaryId: number) => data.repositories.personalData.dataRequestsOf(beneficiaryId),

    /** The person's own request; another person's reads as missing. */
    async ownRequest(beneficiaryId: number, id: number) {
      const request = await data.repositories.personalData.findDataRequest(id);
      return request && request.beneficiaryId === beneficiaryId ? request : null;
    },

    async queue() {
      const [open, closed] = await Promise.all([data.repositories.personalData.openDataRequests(), data.repositories.personalData.recentlyClosedDataRequests(20)]);
      const people = await data.repositories.personalData.beneficiariesByIds([...open, ...closed].map((request) => request.beneficiaryId));
      const personOf = (id: number) => people.find((person) => person.id === id) ?? null;
      return {
        open: open.map((request) => ({ ...request, person: personOf(request.beneficiaryId) })),
        closed: closed.map((request) => ({ ...request, person: personOf(request.beneficiaryId) })),
      };
    },

    async forStaff(id: number) {
      const request = await openRequest(id);
      const [person] = await data.repositories.personalData.beneficiariesByIds([request.beneficiaryId]);
      return { request, person: person ?? null, blocker: request.kind === 'destruction' ? await blockerFor(request.beneficiaryId) : null };
    },

    findPerson: (nationalId: string) => data.repositories.personalData.beneficiaryByNationalId(nationalId),

    async extend(context: StaffContext, id: number, reason: string) {
      await data.transaction(async (repositories) => {
        const request = await openRequest(id);
        const now = clock.now();
        const decision = decideExtension(request, now);
        if (!decision.ok) throw new TransitionRefusedError(decision.code);
        const changed = await repositories.personalData.updateOpenDataRequest(id, request.status, { status: 'extended', dueAt: decision.dueAt, extendedAt: now, extensionReason: reason });
        if (!changed) throw new TransitionRefusedError('privacy:errors.notOpen');
        await repositories.audit.append({ ...auditActor(context), action: 'data_request.extended', entityType: 'data_request', entityId: id, details: { dueAt: decision.dueAt.toISOString() }, at: now });
        await notifyPerson(repositories, request.beneficiaryId, 'dataRequestExtended', `data-request:${id}:extended`, { reference: request.reference, dueDate: dayOf(decision.dueAt), reason });
      });
    },

    /** Carries out the request; a destruction then removes what identifies the person, files included. */
    async answer(context: StaffContext, id: number, answer: string) {
      const request = await openRequest(id);
      const blocker = request.kind === 'destruction' ? await blockerFor(request.beneficiaryId) : null;
      const decision = decideAnswer(request, blocker);
      if (!decision.ok) throw new TransitionRefusedError(decision.code);
      const storageKeys = await data.transaction(async (repositories) => {
        const now = clock.now();
        const changed = await repositories.personalData.updateOpenDataRequest(id, request.status, { status: 'answered', answer, answeredAt: now, answeredById: context.id });
        if (!changed) throw new TransitionRefusedError('privacy:errors.notOpen');
        // Told before the destruction, while the mobile number is still known.
        await notifyPerson(repositories, request.beneficiaryId, 'dataRequestAnswered', `data-request:${id}:answered`, { reference: request.reference });
        const destroyed = request.kind === 'destruction' ? await repositories.retention.destroyPersonalData(request.beneficiaryId, now) : null;
        await repositories.audit.append({ ...auditActor(context), action: 'data_request.answered', entityType: 'data_request', entityId: id, details: { kind: request.kind, ...(destroyed ? { records: destroyed.count, files: destroyed.storageKeys.length } : {}) }, at: now });
        return destroyed?.storageKeys ?? [];
      });
      for (const key of storageKeys) await storage.remove(key);
    },

    async refuse(context: StaffContext, id: number, reason: string) {
      await data.transaction(async (repositories) => {
        const request = await openRequest(id);
        const decision = decideRefusal(request);
        if (!decision.ok) throw new TransitionRefusedError(decision.code);
        const now = clock.now();
        const changed = await repositories.personalData.updateOpenDataRequest(id, request.status, { status: 'refused', answer: reason, answeredAt: now, answeredById: context.id });
        if (!changed) throw new TransitionRefusedError('privacy:errors.notOpen');
        await repositories.audit.append({ ...auditActor(context), action: 'data_request.refused', entityType: 'data_request', entityId: id, details: { kind: request.kind }, at: now });
        await notifyPerson(repositories, request.beneficiaryId, 'dataRequestRefused', `data-request:${id}:refused`, { reference: request.reference });
      });
    },
  };
}
