import type { TFunction } from 'i18next';
import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { formatDualDate, todayIso } from '../domain/dates.ts';
import { deadlineOf, infoReminderWindow, infoReminderDue } from '../domain/workQueues.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';

/**
 * One reminder per request for information, a few days before its deadline. The dedupe key makes it
 * one across runs and servers; the outbox applies the consent rule (the template is optional).
 */
export function deadlineReminderService(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService, translate: TFunction) {
  const monthNames = () => ({
    hijri: translate('domain:months.hijri', { returnObjects: true }) as unknown as string[],
    gregorian: translate('domain:months.gregorian', { returnObjects: true }) as unknown as string[],
  });
  return {
    async sendDue(): Promise<{ queued: number }> {
      const now = clock.now();
      const window = infoReminderWindow(config.deadlines, now);
      const open = await data.repositories.casework.openInfoRequestsBetween(window.requestedOnOrAfter, window.requestedOnOrBefore);
      let queued = 0;
      for (const info of open.filter((candidate) => infoReminderDue(candidate.requestedAt, config.deadlines, now))) {
        const deadline = deadlineOf(info.requestedAt, config.deadlines.infoRequestDays);
        await data.transaction((repositories) =>
          notifications.notifyApplicant(repositories, info.request, {
            template: 'infoRequestDeadlineReminder',
            params: { deadline: formatDualDate(todayIso(deadline, config.timeZone), 'ar', monthNames()) },
            dedupeKey: `info-request-reminder:${info.id}`,
          }),
        );
        queued += 1;
      }
      return { queued };
    },
  };
}
export type DeadlineReminderService = ReturnType<typeof deadlineReminderService>;
