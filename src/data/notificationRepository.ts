import type { Db } from './prismaClient.ts';

export interface NewNotification {
  channel: 'sms' | 'email';
  recipient: string;
  beneficiaryId?: number | null;
  template: string;
  subject?: string | null;
  body: string;
  /** A second message with the same key is silently skipped: it makes "send once" hold across retries and restarts. */
  dedupeKey?: string | null;
  /** Business time from the service's clock, so the message is due at once under a test clock too. */
  queuedAt?: Date;
}

export function notificationRepository(db: Db) {
  return {
    async enqueue(message: NewNotification): Promise<boolean> {
      if (message.dedupeKey) {
        const existing = await db.notification.findUnique({ where: { dedupeKey: message.dedupeKey } });
        if (existing) return false;
      }
      await db.notification.create({
        data: {
          channel: message.channel,
          recipient: message.recipient,
          beneficiaryId: message.beneficiaryId ?? null,
          template: message.template,
          subject: message.subject ?? null,
          body: message.body,
          dedupeKey: message.dedupeKey ?? null,
          ...(message.queuedAt ? { createdAt: message.queuedAt, nextAttemptAt: message.queuedAt } : {}),
        },
      });
      return true;
    },
    due: (now: Date, limit: number) =>
      db.notification.findMany({ where: { status: 'pending', nextAttemptAt: { lte: now } }, orderBy: { id: 'asc' }, take: limit }),
    /** `redactedBody` replaces the body in the same update, so a delivered code is never readable in the outbox. */
    markSent: (id: number, at: Date, redactedBody?: string) =>
      db.notification.update({
        where: { id },
        data: { status: 'sent', sentAt: at, attempts: { increment: 1 }, lastError: null, ...(redactedBody === undefined ? {} : { body: redactedBody }) },
      }),
    /** When messages of `templates` were queued to an account or a mobile since `since` (the SMS limits). */
    queuedTimes: async (filter: { beneficiaryId?: number; recipient?: string }, templates: readonly string[], since: Date): Promise<Date[]> => {
      const rows = await db.notification.findMany({
        where: { channel: 'sms', template: { in: [...templates] }, createdAt: { gt: since }, ...filter },
        select: { createdAt: true },
      });
      return rows.map((row) => row.createdAt);
    },
    markFailedAttempt: (id: number, error: string, nextAttemptAt: Date | null) =>
      db.notification.update({
        where: { id },
        data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), ...(nextAttemptAt ? { nextAttemptAt } : { status: 'failed' }) },
      }),
    list: async (filter: { status?: string; template?: string; recipient?: string }, page: number, pageSize: number) => {
      const where = {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.template ? { template: filter.template } : {}),
        ...(filter.recipient ? { recipient: { contains: filter.recipient } } : {}),
      };
      const [messages, total] = await Promise.all([
        db.notification.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
        db.notification.count({ where }),
      ]);
      return { messages, total };
    },
    forBeneficiary: (beneficiaryId: number) => db.notification.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' } }),
  };
}
export type NotificationRepository = ReturnType<typeof notificationRepository>;
