import { describe, expect, it } from 'vitest';
import { draftReminderWindows, draftRemovalDate } from '../../src/domain/draftReminders.ts';

const now = new Date('2026-06-01T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('draft reminders', () => {
  const windows = draftReminderWindows({ afterDays: 7, warningDaysBeforeRemoval: 7, retentionDays: 90 }, now);

  it('reminds about a draft idle for a week, until the removal warning takes over', () => {
    expect(windows.idle.changedBefore).toEqual(daysAgo(7));
    expect(windows.idle.changedAfter).toEqual(daysAgo(83));
  });

  it('warns in the last week before the retention rules remove the draft', () => {
    expect(windows.before_removal.changedBefore).toEqual(daysAgo(83));
    expect(windows.before_removal.changedAfter).toEqual(daysAgo(90));
    expect(draftRemovalDate(daysAgo(84), 90)).toEqual(new Date(now.getTime() + 6 * 86_400_000));
  });
});
