import type { DataAccess } from '../data/index.ts';
import { CONSENT_PURPOSES, consentGiven, type ConsentPurpose } from '../domain/consent.ts';
import { beneficiaryStatusView, type RequestStatus } from '../domain/requestStatus.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { groupReadsByDay } from '../domain/accessReads.ts';

/**
 * The sections of "my data", in the order the page and the download show them. A new kind of
 * record (the access log) is one more key here, one more part of `collect` and one partial.
 */
export const MY_DATA_SECTIONS = ['account', 'consents', 'requests', 'messages', 'questions', 'contacts', 'ratings', 'dataRequests', 'accessLog'] as const;
export type MyDataSection = (typeof MY_DATA_SECTIONS)[number];


export type MyData = NonNullable<Awaited<ReturnType<ReturnType<typeof myDataService>['collect']>>>;

export function myDataService(data: DataAccess, clock: Clock, privacyNoticeVersion: string, timeZone: string) {
  return {
    /** Everything held about the signed-in person, read for them only; each download is audited. */
    async collect(context: ActingContext & { kind: 'beneficiary' }, purpose: 'view' | 'download' | 'print') {
      const [found, reads] = await Promise.all([data.repositories.personalData.everythingAbout(context.id), data.repositories.accessLog.readsByRoleOf(context.id)]);
      const referenceOf = new Map(found?.requests.map((request) => [request.id, request.reference]) ?? []);
      // A decision is the person's once it is told to them: until then the request reads "with the committee".
      const everything = found && {
        ...found,
        requests: found.requests.map((request) => ({ ...request, status: beneficiaryStatusView(request.status as RequestStatus, { decisionReleased: request.decisionReleasedAt != null }) })),
        // Which roles read the file and when, grouped by day: never which person, nor from where.
        accessLog: groupReadsByDay(reads, timeZone).map(({ requestId, ...group }) => ({ ...group, reference: requestId === null ? null : (referenceOf.get(requestId) ?? null) })),
      };
      if (everything && purpose !== 'view') {
        await data.repositories.audit.append({ ...auditActor(context), action: `my_data.${purpose}`, entityType: 'beneficiary', entityId: context.id });
      }
      return everything;
    },

    async consentState(beneficiaryId: number) {
      const records = await data.repositories.personalData.consentsOf(beneficiaryId);
      return Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, consentGiven(records, purpose)])) as Record<ConsentPurpose, boolean>;
    },

    /** One row per change, so the history of what was agreed and withdrawn is kept. */
    async recordConsent(context: ActingContext & { kind: 'beneficiary' }, purpose: ConsentPurpose, granted: boolean) {
      await data.transaction(async (repositories) => {
        const at = clock.now();
        await repositories.personalData.recordConsent({ beneficiaryId: context.id, purpose, granted, noticeVersion: privacyNoticeVersion, at, channel: 'website' });
        await repositories.audit.append({
          ...auditActor(context),
          action: granted ? 'consent.given' : 'consent.withdrawn',
          entityType: 'beneficiary',
          entityId: context.id,
          details: { purpose, noticeVersion: privacyNoticeVersion },
          at,
        });
      });
    },
  };
}
