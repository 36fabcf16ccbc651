/**
 * Reminders about a draft left untouched: one after it has lain idle for a while, one shortly before the
 * retention rules remove it (src/domain/retention.ts). Each is sent once for a given last change of the
 * draft; changing the draft starts both clocks again. They are optional messages (src/domain/consent.ts).
 */
export const DRAFT_REMINDER_KINDS = ['idle', 'before_removal'] as const;
export type DraftReminderKind = (typeof DRAFT_REMINDER_KINDS)[number];

export const DRAFT_REMINDER_TEMPLATES: Record<DraftReminderKind, string> = {
  idle: 'draftReminder',
  before_removal: 'draftRemovalWarning',
};

const DAY_MS = 86_400_000;

/**
 * The window of last-change times each reminder is due for: changed before `changedBefore`, and (so the
 * idle reminder does not also fire in the removal week) not before `changedAfter`.
 */
export function draftReminderWindows(
  settings: { afterDays: number; warningDaysBeforeRemoval: number; retentionDays: number },
  now: Date,
): Record<DraftReminderKind, { changedBefore: Date; changedAfter: Date }> {
  const removalAt = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const warnFromDays = Math.max(settings.retentionDays - settings.warningDaysBeforeRemoval, 0);
  return {
    idle: { changedBefore: removalAt(settings.afterDays), changedAfter: removalAt(warnFromDays) },
    before_removal: { changedBefore: removalAt(warnFromDays), changedAfter: removalAt(settings.retentionDays) },
  };
}

/** The date the draft will be removed, told in the warning. */
export const draftRemovalDate = (lastChange: Date, retentionDays: number): Date => new Date(lastChange.getTime() + retentionDays * DAY_MS);
