import { describe, expect, it } from 'vitest';
import { ageInDays, infoReminderWindow, infoReminderDue, isOverdue, serviceDueSince, stagePagesFor } from '../../src/domain/workQueues.ts';

const DAY_MS = 86_400_000;
const now = new Date('2026-03-20T09:00:00Z');
const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
const deadlines = { infoRequestDays: 10, referralDays: 7, reminderDaysBefore: 2 };

describe('work queue ages and deadlines', () => {
  it('counts whole days and is overdue only after the deadline', () => {
    expect(ageInDays(daysBefore(0.5), now)).toBe(0);
    expect(ageInDays(daysBefore(3.2), now)).toBe(3);
    expect(isOverdue(daysBefore(7), 7, now)).toBe(false);
    expect(isOverdue(daysBefore(7.01), 7, now)).toBe(true);
  });

  it('opens the reminder window a set number of days before the information deadline and closes it at the deadline', () => {
    expect(infoReminderDue(daysBefore(7.9), deadlines, now)).toBe(false);
    expect(infoReminderDue(daysBefore(8), deadlines, now)).toBe(true);
    expect(infoReminderDue(daysBefore(10), deadlines, now)).toBe(true);
    expect(infoReminderDue(daysBefore(10.1), deadlines, now)).toBe(false);
    const window = infoReminderWindow(deadlines, now);
    expect(window.requestedOnOrBefore).toEqual(daysBefore(8));
    expect(window.requestedOnOrAfter).toEqual(daysBefore(10));
  });
});

describe('due a service', () => {
  it('is due from registration until the first service', () => {
    expect(serviceDueSince({ registeredAt: daysBefore(4), lastServiceOn: null, durationMonths: null }, now)).toEqual(daysBefore(4));
    expect(serviceDueSince({ registeredAt: daysBefore(4), lastServiceOn: daysBefore(1), durationMonths: null }, now)).toBeNull();
  });

  it('comes due again a month after the last service while a monthly approval runs', () => {
    const registeredAt = new Date('2026-01-01T00:00:00Z');
    expect(serviceDueSince({ registeredAt, lastServiceOn: new Date('2026-03-01T00:00:00Z'), durationMonths: 6 }, now)).toBeNull();
    expect(serviceDueSince({ registeredAt, lastServiceOn: new Date('2026-02-10T00:00:00Z'), durationMonths: 6 }, now)).toEqual(new Date('2026-03-10T00:00:00Z'));
    // The last month of a three-month approval has been served.
    expect(serviceDueSince({ registeredAt, lastServiceOn: new Date('2026-02-10T00:00:00Z'), durationMonths: 2 }, now)).toBeNull();
  });
});

describe('stage pages on the staff file', () => {
  it('offers registration to officers after release, and service delivery to officers and managers once registered', () => {
    expect(stagePagesFor('accepted', ['relations_officer'], { decisionReleased: true })).toEqual(['registration']);
    expect(stagePagesFor('accepted', ['relations_officer'], { decisionReleased: false })).toEqual([]);
    expect(stagePagesFor('accepted', ['manager'], { decisionReleased: true })).toEqual([]);
    expect(stagePagesFor('registered', ['manager'], { decisionReleased: true })).toEqual(['service_delivery']);
    expect(stagePagesFor('registered', ['committee_member'], { decisionReleased: true })).toEqual([]);
  });
});
