import type { TFunction } from 'i18next';
import type { DataAccess, Repositories } from '../data/index.ts';
import { carriesCode } from '../domain/smsThrottle.ts';
import type { Clock } from './clock.ts';
import type { NotificationTransport } from './notificationTransport.ts';
import { consentGiven, isOptionalMessage } from '../domain/consent.ts';
import { messagePartKeys } from '../domain/messageWording.ts';

export const MAX_DELIVERY_ATTEMPTS = 5;
export const OUTBOX_PAGE_SIZE = 50;
const REDACTED_CODE = '••••••';

export interface NotificationRequest {
  /** Translation key under the `notifications` namespace; `.sms` (and `.subject` / `.email` for e-mail) below it. */
  template: string;
  params?: Record<string, string | number>;
  beneficiaryId?: number | null;
  mobile?: string | null;
  email?: string | null;
  dedupeKey?: string;
}

/** What a message about a request needs: its reference, the applicant's mobile and the request's e-mail. */
export interface RequestApplicant {
  id: number;
  reference: string | null;
  email: string | null;
  beneficiary: { id: number; mobile: string | null };
}

/**
 * Messages are rendered in Arabic when queued and written to the outbox inside the caller's
 * transaction, so a message exists exactly when the change it announces was committed.
 */
export function notificationService(
  data: DataAccess,
  clock: Clock,
  translate: TFunction,
  transport: NotificationTransport,
  organisation: { phone: string } = { phone: '' },
) {
  async function enqueue(repositories: Repositories, request: NotificationRequest): Promise<void> {
    // Messages the service does not need go only to people who agreed to them (src/domain/consent.ts).
    if (isOptionalMessage(request.template) && !(request.beneficiaryId && consentGiven(await repositories.personalData.consentsOf(request.beneficiaryId), 'optional_messages'))) return;
    const params = { orgPhone: organisation.phone, ...request.params };
    // A walk-in recorded at the desk has no password: their wording does not send them to an account.
    const person = request.beneficiaryId ? await repositories.beneficiaries.findById(request.beneficiaryId) : null;
    const wording = { hasAccount: !person || person.passwordHash !== null };
    const queuedAt = clock.now();
    if (request.mobile) {
      await repositories.notifications.enqueue({
        channel: 'sms',
        recipient: request.mobile,
        beneficiaryId: request.beneficiaryId,
        template: request.template,
        body: translate(messagePartKeys(request.template, 'sms', wording).map((key) => `notifications:${key}`), params),
        dedupeKey: request.dedupeKey ? `${request.dedupeKey}:sms` : null,
        queuedAt,
      });
    }
    if (request.email) {
      await repositories.notifications.enqueue({
        channel: 'email',
        recipient: request.email,
        beneficiaryId: request.beneficiaryId,
        template: request.template,
        subject: translate(`notifications:${request.template}.subject`, params),
        body: translate(messagePartKeys(request.template, 'email', wording).map((key) => `notifications:${key}`), params),
        dedupeKey: request.dedupeKey ? `${request.dedupeKey}:email` : null,
        queuedAt,
      });
    }
  }

  /** A message about a request to its applicant; every such template is given the request's reference. */
  async function notifyApplicant(
    repositories: Repositories,
    request: RequestApplicant,
    message: { template: string; dedupeKey: string; params?: Record<string, string | number> },
  ): Promise<void> {
    await enqueue(repositories, {
      template: message.template,
      params: { reference: request.reference ?? String(request.id), ...message.params },
      beneficiaryId: request.beneficiary.id,
      mobile: request.beneficiary.mobile,
      email: request.email,
      dedupeKey: message.dedupeKey,
    });
  }

  return {
    enqueue,
    notifyApplicant,

    /** Sends what is due; failures back off exponentially and give up after MAX_DELIVERY_ATTEMPTS. */
    async deliverDue(limit = 50): Promise<{ sent: number; failed: number }> {
      const now = clock.now();
      const due = await data.repositories.notifications.due(now, limit);
      let sent = 0;
      let failed = 0;
      for (const message of due) {
        try {
          await transport.send(message);
          // A delivered code has done its job: the outbox keeps the message, never the code.
          const redacted = carriesCode(message.template) ? translate(`notifications:${message.template}.sms`, { code: REDACTED_CODE }) : undefined;
          await data.repositories.notifications.markSent(message.id, clock.now(), redacted);
          sent += 1;
        } catch (error) {
          failed += 1;
          const attempts = message.attempts + 1;
          const retryAt = attempts >= MAX_DELIVERY_ATTEMPTS ? null : new Date(now.getTime() + 2 ** attempts * 60_000);
          await data.repositories.notifications.markFailedAttempt(message.id, error instanceof Error ? error.message : String(error), retryAt);
        }
      }
      return { sent, failed };
    },

    list: (filter: { status?: string; template?: string; recipient?: string }, page: number) =>
      data.repositories.notifications.list(filter, page, OUTBOX_PAGE_SIZE),
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
