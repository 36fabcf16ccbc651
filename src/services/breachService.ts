import type { DataAccess } from '../data/index.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

type StaffContext = ActingContext & { kind: 'staff' };

/** One query box matches a national ID, a name or a mobile; the audit names which it looked like. */
function queryKindOf(query: string): 'national_id' | 'mobile' | 'name' {
  if (/^[12]\d{9}$/.test(query)) return 'national_id';
  return /^\+?\d+$/.test(query) ? 'mobile' : 'name';
}

/** The breach register; every step leaves an audit entry. */
export function breachService(data: DataAccess, clock: Clock, notifications: NotificationService) {
  const audit = (repositories: Parameters<Parameters<DataAccess['transaction']>[0]>[0], context: StaffContext, action: string, id: number, details: Record<string, unknown> = {}) =>
    repositories.audit.append({ ...auditActor(context), action: `breach.${action}`, entityType: 'breach', entityId: id, details, at: clock.now() });

  return {
    list: () => data.repositories.breaches.list(),

    async get(id: number) {
      const incident = await data.repositories.breaches.find(id);
      if (!incident) throw new NotFoundError();
      const people = await data.repositories.personalData.beneficiariesByIds(incident.affected.map((row) => row.beneficiaryId));
      return { incident, affected: incident.affected.map((row) => ({ ...row, person: people.find((person) => person.id === row.beneficiaryId) ?? null })) };
    },

    /** Looking people up is itself a read of personal data, so it leaves a trace: the kind of query and the count, never the text. */
    search: (context: StaffContext, id: number, query: string) =>
      data.transaction(async (repositories) => {
        const results = await repositories.breaches.searchBeneficiaries(query);
        await audit(repositories, context, 'searched', id, { queryKind: queryKindOf(query), count: results.length });
        return results;
      }),

    record: (context: StaffContext, input: { title: string; description: string; discoveredAt: Date }) =>
      data.transaction(async (repositories) => {
        const incident = await repositories.breaches.create({ ...input, recordedAt: clock.now(), recordedById: context.id });
        await audit(repositories, context, 'recorded', incident.id, { discoveredAt: input.discoveredAt.toISOString() });
        return incident;
      }),

    addAffected: (context: StaffContext, id: number, beneficiaryId: number) =>
      data.transaction(async (repositories) => {
        if (!(await repositories.breaches.find(id))) throw new NotFoundError();
        if (await repositories.breaches.addAffected(id, beneficiaryId, clock.now())) await audit(repositories, context, 'affected_added', id, { beneficiaryId });
      }),

    markAuthorityNotified: (context: StaffContext, id: number) =>
      data.transaction(async (repositories) => {
        if (!(await repositories.breaches.find(id))) throw new NotFoundError();
        if (await repositories.breaches.markAuthorityNotified(id, clock.now())) await audit(repositories, context, 'authority_notified', id);
      }),

    /** Queues the notice to each affected person not yet told; returns how many were queued. */
    notifyAffected: (context: StaffContext, id: number) =>
      data.transaction(async (repositories) => {
        if (!(await repositories.breaches.find(id))) throw new NotFoundError();
        const claimed = await repositories.breaches.claimUnnotified(id, clock.now());
        const people = await repositories.personalData.beneficiariesByIds(claimed);
        for (const person of people) {
          await notifications.enqueue(repositories, { template: 'breachNotice', params: {}, beneficiaryId: person.id, mobile: person.mobile, dedupeKey: `breach:${id}:${person.id}` });
        }
        await audit(repositories, context, 'notices_queued', id, { count: claimed.length });
        return claimed.length;
      }),
  };
}
