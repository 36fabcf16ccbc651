import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { DRAFT_REMINDER_KINDS, DRAFT_REMINDER_TEMPLATES, draftRemovalDate, draftReminderWindows } from '../domain/draftReminders.ts';
import { formatDualDate, todayIso, type MonthNames } from '../domain/dates.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';

const BATCH = 200;

/** The reminder job: safe to run on every server at once (each reminder is claimed by a unique key). */
export function draftReminderService(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService, monthNames: () => MonthNames) {
  const retentionDays = config.retention.find((rule) => rule.category === 'abandoned_drafts')?.days ?? 90;
  return {
    async sendDue(): Promise<Record<string, number>> {
      const now = clock.now();
      const windows = draftReminderWindows({ ...config.draftReminders, retentionDays }, now);
      const sent: Record<string, number> = {};
      for (const kind of DRAFT_REMINDER_KINDS) {
        sent[kind] = 0;
        const due = await data.repositories.draftReminders.draftsDue(kind, windows[kind].changedBefore, windows[kind].changedAfter, BATCH);
        for (const draft of due) {
          const mobile = draft.beneficiary.mobileVerifiedAt ? draft.beneficiary.mobile : null;
          const claimed = await data.transaction(async (repositories) => {
            if (!(await repositories.draftReminders.claim({ requestId: draft.id, kind, draftUpdatedAt: draft.updatedAt, sentAt: now }))) return false;
            // Without consent the outbox drops it; the claim still stands, so consent given later does not send a stale one.
            await notifications.enqueue(repositories, {
              template: DRAFT_REMINDER_TEMPLATES[kind],
              params: { removalDate: formatDualDate(todayIso(draftRemovalDate(draft.updatedAt, retentionDays), config.timeZone), 'ar', monthNames()) },
              beneficiaryId: draft.beneficiaryId,
              mobile,
            });
            return true;
          });
          if (claimed) sent[kind] += 1;
        }
      }
      return sent;
    },
  };
}
